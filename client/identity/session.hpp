#pragma once
// Who is using the app (ログイン状態), as a state machine the views follow:
//   starting ──GET /me──► signed_in (user + CSRF token)
//            ├─401─────► signed_out (the sign-in screen)
//            └─no answer► offline (the user remembered on this device, so drafts keep working;
//                          GET /me again decides once the network is back)
//   signed_in ─any 401 unauthenticated─► session_ended (the sign-in form over the unchanged
//                                        screen; signing in returns to it)
//   signed_in ─sign out─► signed_out
#include <optional>
#include <string>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"
#include "identity/current_user.hpp"

namespace madoguchi::client {

enum class SessionState { starting, signed_in, offline, signed_out, session_ended };

struct SignInForm {
    std::string login;
    std::string password;
};

class Session {
public:
    explicit Session(ApiClient& api) : api_(api) {}

    // Asks the server who is signed in; `remembered` is the device's last user (or nothing).
    void start(std::optional<CurrentUser> remembered);
    // Once per frame, after the API client delivered its answers.
    void update();
    // The network is back: while offline, the server decides again.
    void network_back();

    SessionState state() const { return state_; }
    // The app's screens are usable: signed in, or offline as the remembered user.
    bool working() const { return state_ == SessionState::signed_in || state_ == SessionState::offline; }
    // Whom the screens are for: the signed-in user, the remembered one offline, or the one
    // whose session just ended (the screen behind the overlay is still theirs).
    const CurrentUser* user() const { return user_ ? &*user_ : nullptr; }
    // The server answered at least once (GET /me or a sign-in): what is drawn is real.
    bool decided() const { return decided_; }

    SignInForm& form() { return form_; }
    // POST /api/v1/session with the form; ignored while a sign-in is in flight.
    void sign_in();
    bool busy() const { return busy_; }
    // Why the last sign-in failed, in `language`; empty when it did not.
    std::string sign_in_error(i18n::Language language) const;

    // DELETE /api/v1/session; the device forgets the user at once either way.
    void sign_out();

    // What the device should remember ("" = nothing); the platform writes it when it changes.
    const std::string& remembered() const { return remembered_; }
    // True once after a sign-in that made a different user current than the one on screen.
    bool take_user_changed() { return std::exchange(user_changed_, false); }
    // True once after every successful sign-in (the outbox goes on at once).
    bool take_signed_in() { return std::exchange(signed_in_event_, false); }

private:
    void ask_server();
    void accept(const ApiResult& result);
    void become(const CurrentUser& user, std::string csrf_token);

    ApiClient& api_;
    SessionState state_ = SessionState::starting;
    std::optional<CurrentUser> user_;
    std::optional<CurrentUser> remembered_user_;
    std::string remembered_;
    SignInForm form_;
    bool busy_ = false;
    bool asking_ = false;
    bool decided_ = false;
    bool user_changed_ = false;
    bool signed_in_event_ = false;
    std::optional<api::ApiError> failure_;
    int retry_after_seconds_ = 0;
};

// "30秒" / "2分" style wait for a 429's Retry-After, rounded up to whole minutes above 60 s.
std::string format_wait(int seconds, i18n::Language language);

}  // namespace madoguchi::client
