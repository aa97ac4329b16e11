#pragma once
// ログイン制限: accounts and addresses with failed sign-ins (GET /api/v1/login-blocks), and
// 解除, which clears one (DELETE /api/v1/login-blocks/{key}) so its user may try again at once.
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

struct LoginBlock {
    std::string key;  // "login:suzuki" or "address:10.0.0.5"
    int failures = 0;
    std::string last_failure_at;
    std::string blocked_until;
    bool blocked = false;  // still refusing sign-ins now
};

class LoginBlocks {
public:
    enum class State { idle, loading, loaded, failed };

    void load(ApiClient& api);
    void accept(const std::string& body);  // public for tests with fixtures
    void clear(ApiClient& api, const std::string& key);

    State state() const { return state_; }
    const std::vector<LoginBlock>& blocks() const { return blocks_; }
    const std::string& error_text() const { return error_; }
    // Once: true after a block was cleared.
    bool take_cleared() { return std::exchange(cleared_, false); }
    void set_language(i18n::Language language) { language_ = language; }

private:
    State state_ = State::idle;
    std::vector<LoginBlock> blocks_;
    std::string error_;
    bool cleared_ = false;
    i18n::Language language_ = i18n::Language::ja;
};

// "ログインID suzuki" / "アドレス 10.0.0.5": what a key means to a person.
std::string describe_block_key(const std::string& key, i18n::Language language);

}  // namespace madoguchi::client
