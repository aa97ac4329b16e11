#pragma once
// Finding out who sent a request, behind one interface: today the session cookie; a trusted
// proxy's header or OIDC can be added as another Authenticator without touching any route.
#include <httplib.h>

#include <optional>
#include <string>

#include "identity/principal.hpp"
#include "identity/session_store.hpp"
#include "store/database.hpp"

namespace madoguchi::server::identity {

inline constexpr const char* session_cookie_name = "madoguchi_session";

class Authenticator {
public:
    virtual ~Authenticator() = default;
    // The principal, empty when the request carries no live credentials; an error only when
    // the store fails.
    virtual store::Result<std::optional<Principal>> authenticate(const httplib::Request& request) = 0;
};

class SessionAuthenticator : public Authenticator {
public:
    SessionAuthenticator(store::SharedDatabase& database, SessionPolicy policy)
        : database_(database), policy_(policy) {}
    store::Result<std::optional<Principal>> authenticate(const httplib::Request& request) override;
    const SessionPolicy& policy() const { return policy_; }

private:
    store::SharedDatabase& database_;
    SessionPolicy policy_;
};

// The session token from the Cookie header, if any.
std::optional<std::string> session_token(const httplib::Request& request);
// Set-Cookie values: the session (HttpOnly, SameSite=Strict, Path=/, Secure when asked) and
// its removal.
std::string session_cookie(const std::string& token, bool secure);
std::string cleared_session_cookie(bool secure);

}  // namespace madoguchi::server::identity
