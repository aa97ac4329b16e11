#include "api/form_errors.hpp"

#include "api/field_messages.hpp"

namespace madoguchi::client {

void FormErrors::clear() {
    local_.clear();
    server_.clear();
    general_ = {};
}

void FormErrors::add_local(std::string_view field, std::string_view reason_key) {
    local_.emplace(std::string(field), std::string(reason_key));
}

void FormErrors::add_result(const ApiResult& result) {
    if (result.ok()) return;
    if (result.status == 422 || result.status == 400) {
        for (const auto& [field, message] : result.error.fields) server_[field] = message;
    }
    if (server_.empty()) general_ = result.error;
}

std::string FormErrors::field(std::string_view name, i18n::Language language) const {
    if (const auto found = local_.find(name); found != local_.end()) return i18n::text(found->second, language);
    if (const auto found = server_.find(name); found != server_.end()) return field_message(found->second, language);
    return {};
}

std::string FormErrors::general(i18n::Language language) const {
    return general_.code.empty() ? std::string() : error_text(general_, language);
}

std::string error_text(const api::ApiError& error, i18n::Language language) {
    if (language == i18n::Language::ja && !error.message_ja.empty()) return error.message_ja;
    return error.message;
}

}  // namespace madoguchi::client
