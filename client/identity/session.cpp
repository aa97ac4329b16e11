#include "identity/session.hpp"

#include "ui/format.hpp"

namespace madoguchi::client {

void Session::start(std::optional<CurrentUser> remembered) {
    remembered_user_ = std::move(remembered);
    remembered_ = remembered_user_ ? remembered_text(*remembered_user_) : std::string();
    if (remembered_user_) form_.login = remembered_user_->login;
    state_ = SessionState::starting;
    ask_server();
}

void Session::ask_server() {
    if (asking_) return;
    asking_ = true;
    api_.get("/api/v1/me", [this](const ApiResult& result) {
        asking_ = false;
        if (result.ok()) return accept(result);
        if (result.session_ended()) {
            decided_ = true;
            // Someone was on screen (offline as the remembered user): keep it under the overlay.
            state_ = user_ ? SessionState::session_ended : SessionState::signed_out;
            return;
        }
        // No answer, or none the server could give: work offline as the remembered user.
        if (state_ == SessionState::starting) {
            user_ = remembered_user_;
            state_ = user_ ? SessionState::offline : SessionState::signed_out;
        }
    });
}

void Session::update() {
    if (!api_.take_session_ended()) return;
    if (state_ == SessionState::signed_in || state_ == SessionState::offline) {
        state_ = SessionState::session_ended;
        if (user_) form_.login = user_->login;
        form_.password.clear();
        failure_.reset();
    }
}

void Session::network_back() {
    if (state_ == SessionState::offline || (state_ == SessionState::signed_out && !decided_)) ask_server();
}

void Session::sign_in() {
    if (busy_) return;
    busy_ = true;
    failure_.reset();
    HttpRequest request{"POST", "/api/v1/session",
                        nlohmann::json{{"login", form_.login}, {"password", form_.password}}.dump(), {}};
    // The password is not kept on the client longer than it takes to send it.
    form_.password.clear();
    api_.send(std::move(request), [this](const ApiResult& result) {
        busy_ = false;
        if (result.ok()) return accept(result);
        failure_ = result.error;
        retry_after_seconds_ = result.retry_after_seconds;
    });
}

std::string Session::sign_in_error(i18n::Language language) const {
    if (!failure_) return {};
    std::string message = language == i18n::Language::ja && !failure_->message_ja.empty() ? failure_->message_ja
                                                                                           : failure_->message;
    if (failure_->code == "too_many_attempts" && retry_after_seconds_ > 0) {
        message += language == i18n::Language::ja ? "" : " ";
        message += fill_template(i18n::text("identity.sign_in.retry_after", language),
                                 {{"wait", format_wait(retry_after_seconds_, language)}});
    }
    return message;
}

void Session::sign_out() {
    api_.send({"DELETE", "/api/v1/session", {}, {}}, [](const ApiResult&) {});
    api_.set_csrf_token({});
    state_ = SessionState::signed_out;
    user_.reset();
    remembered_user_.reset();
    remembered_.clear();
    form_ = {};
    failure_.reset();
}

void Session::accept(const ApiResult& result) {
    const auto body = nlohmann::json::parse(result.body, nullptr, false);
    const auto user = body.is_object() ? current_user_from_json(body.value("user", nlohmann::json())) : std::nullopt;
    const auto token = body.is_object() ? body.value("csrf_token", std::string()) : std::string();
    if (!user || token.empty()) {
        failure_ = api::make_error("internal");
        return;
    }
    become(*user, token);
}

void Session::become(const CurrentUser& user, std::string csrf_token) {
    decided_ = true;
    if (user_ && user_->login != user.login) user_changed_ = true;
    user_ = user;
    remembered_user_ = user;
    remembered_ = remembered_text(user);
    api_.set_csrf_token(std::move(csrf_token));
    state_ = SessionState::signed_in;
    signed_in_event_ = true;
    form_.password.clear();
    failure_.reset();
}

std::string format_wait(int seconds, i18n::Language language) {
    if (seconds <= 60) {
        return fill_template(i18n::text("identity.wait_seconds", language), {{"n", std::to_string(std::max(seconds, 1))}});
    }
    return fill_template(i18n::text("identity.wait_minutes", language), {{"n", std::to_string((seconds + 59) / 60)}});
}

}  // namespace madoguchi::client
