#include "configuration/document_list.hpp"

#include <cstdio>

#include "api/form_errors.hpp"
#include "configuration/item_entry.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {

void DocumentList::clear() {
    state_ = State::idle;
    item_id_ = 0;
    documents_.clear();
}

void DocumentList::load(ApiClient& api, std::int64_t item_id) {
    if (item_id != item_id_) clear();
    item_id_ = item_id;
    state_ = State::loading;
    api.get(item_path(item_id, "/documents"), [this, item_id](const ApiResult& result) {
        if (item_id == item_id_) accept(result);
    });
}

void DocumentList::accept(const ApiResult& result) {
    if (!result.ok()) {
        state_ = State::failed;
        error_text_ = client::error_text(result.error, language_);
        return;
    }
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    documents_.clear();
    if (document.is_object()) {
        for (const auto& json : document.value("documents", nlohmann::json::array())) {
            if (auto parsed = configuration::document_from_json(json)) documents_.push_back(std::move(*parsed));
        }
    }
    state_ = State::loaded;
}

std::string document_version_path(const configuration::Document& document, std::int64_t number) {
    std::string rest = "/documents/";
    rest.append(std::to_string(document.id)).append("/versions/").append(std::to_string(number)).append("/content");
    return item_path(document.item_id, rest);
}

std::string byte_size_text(std::int64_t bytes) {
    char text[32];
    if (bytes < 1024) {
        std::snprintf(text, sizeof text, "%lld B", static_cast<long long>(bytes));
    } else if (bytes < 1024 * 1024) {
        std::snprintf(text, sizeof text, "%.1f KB", static_cast<double>(bytes) / 1024.0);
    } else {
        std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    }
    return text;
}

std::string document_version_text(const configuration::DocumentVersion& version, i18n::Language language) {
    return fill_template(i18n::text("configuration.document.version", language),
                         {{"number", std::to_string(version.number)},
                          {"file", version.file_name},
                          {"size", byte_size_text(version.size)},
                          {"date", version.uploaded_at.substr(0, 10)},
                          {"by", version.uploaded_by}});
}

}  // namespace madoguchi::client
