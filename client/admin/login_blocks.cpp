#include "admin/login_blocks.hpp"

#include <nlohmann/json.hpp>

#include "api/form_errors.hpp"
#include "api/query_string.hpp"

namespace madoguchi::client {

void LoginBlocks::load(ApiClient& api) {
    state_ = State::loading;
    api.get("/api/v1/login-blocks", [this](const ApiResult& result) {
        if (!result.ok()) {
            state_ = State::failed;
            error_ = client::error_text(result.error, language_);
            return;
        }
        accept(result.body);
    });
}

void LoginBlocks::accept(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("blocks") || !document["blocks"].is_array()) {
        state_ = State::failed;
        error_ = i18n::text("admin.load_failed", language_);
        return;
    }
    blocks_.clear();
    for (const auto& item : document["blocks"]) {
        if (!item.is_object() || !item.value("key", nlohmann::json()).is_string()) continue;
        LoginBlock block;
        block.key = item["key"].get<std::string>();
        block.failures = item.value("failures", nlohmann::json(0)).is_number_integer() ? item["failures"].get<int>() : 0;
        block.last_failure_at = item.value("last_failure_at", nlohmann::json()).is_string() ? item["last_failure_at"].get<std::string>() : "";
        block.blocked_until = item.value("blocked_until", nlohmann::json()).is_string() ? item["blocked_until"].get<std::string>() : "";
        block.blocked = item.value("blocked", nlohmann::json(false)).is_boolean() && item["blocked"].get<bool>();
        blocks_.push_back(std::move(block));
    }
    state_ = State::loaded;
}

void LoginBlocks::clear(ApiClient& api, const std::string& key) {
    api.send({"DELETE", "/api/v1/login-blocks/" + percent_encode(key), {}, {}}, [this, &api](const ApiResult& result) {
        if (!result.ok() && result.status != 404) {
            error_ = client::error_text(result.error, language_);
            state_ = State::failed;
            return;
        }
        cleared_ = true;
        load(api);
    });
}

std::string describe_block_key(const std::string& key, i18n::Language language) {
    const auto colon = key.find(':');
    if (colon == std::string::npos) return key;
    const auto kind = key.substr(0, colon);
    const auto value = key.substr(colon + 1);
    const char* label = kind == "login" ? "admin.blocks.login" : kind == "address" ? "admin.blocks.address" : nullptr;
    if (label == nullptr) return key;
    std::string text = i18n::text(label, language);
    text += ' ';
    text += value;
    return text;
}

}  // namespace madoguchi::client
