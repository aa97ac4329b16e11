#include "identity/authenticator.hpp"

namespace madoguchi::server::identity {
namespace {

// last_seen_at is written at most this often: a page polling every few seconds must not turn
// every read into a write, and the idle timeout is counted in tens of minutes anyway.
constexpr std::int64_t touch_interval_seconds = 60;

std::string_view trim(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

}  // namespace

std::optional<std::string> session_token(const httplib::Request& request) {
    const auto count = request.get_header_value_count("Cookie");
    for (std::size_t index = 0; index < count; ++index) {
        const auto value = request.get_header_value("Cookie", index);
        std::string_view header = value;
        while (!header.empty()) {
            const auto end = std::min(header.find(';'), header.size());
            const auto pair = trim(header.substr(0, end));
            header.remove_prefix(std::min(end + 1, header.size()));
            const auto equals = pair.find('=');
            if (equals != std::string_view::npos && pair.substr(0, equals) == session_cookie_name) {
                const auto value = pair.substr(equals + 1);
                if (!value.empty() && value.size() <= 128) return std::string(value);
            }
        }
    }
    return std::nullopt;
}

std::string session_cookie(const std::string& token, bool secure) {
    return std::string(session_cookie_name) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" +
           (secure ? "; Secure" : "");
}

std::string cleared_session_cookie(bool secure) {
    return std::string(session_cookie_name) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" +
           (secure ? "; Secure" : "");
}

store::Result<std::optional<Principal>> SessionAuthenticator::authenticate(const httplib::Request& request) {
    const auto token = session_token(request);
    if (!token) return std::optional<Principal>();
    const auto now = calendar::now();
    return database_.use([&](store::Database& database) -> store::Result<std::optional<Principal>> {
        auto session = find_live_session(database, *token, now, policy_);
        if (!session) return store::Error{session.error()};
        if (!session.value()) return std::optional<Principal>();
        auto user = find_user(database, session.value()->user_id);
        if (!user) return store::Error{user.error()};
        if (!user.value() || user.value()->disabled) return std::optional<Principal>();
        if (now.unix_seconds - session.value()->last_seen_at.unix_seconds >= touch_interval_seconds) {
            if (auto touched = touch_session(database, session.value()->token_hash, now); !touched) {
                return store::Error{touched.error()};
            }
        }
        return std::optional<Principal>(
            Principal{std::move(*user.value()), session.value()->token_hash, session.value()->csrf_token});
    });
}

}  // namespace madoguchi::server::identity
