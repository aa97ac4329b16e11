#include "configuration/document_list.hpp"

#include <cstdio>

#include "api/form_errors.hpp"
#include "api/query_string.hpp"
#include "configuration/item_entry.hpp"
#include "files/file_content.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {

void DocumentList::clear() {
    state_ = State::idle;
    item_id_ = 0;
    documents_.clear();
    title.clear();
    errors_.clear();
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

std::string upload_media_type(const PickedFile& file) {
    if (!file.type.empty()) return files::media_type_of(file.type);
    const auto dot = file.name.rfind('.');
    std::string extension = dot == std::string::npos ? std::string() : file.name.substr(dot + 1);
    for (auto& c : extension) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    static const std::vector<std::pair<std::string, std::string>> types{
        {"pdf", "application/pdf"}, {"png", "image/png"}, {"jpg", "image/jpeg"}, {"jpeg", "image/jpeg"},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
        {"txt", "text/plain"}, {"csv", "text/csv"}};
    for (const auto& [known, type] : types) {
        if (known == extension) return type;
    }
    return "application/octet-stream";
}

bool DocumentList::check(const PickedFile& file, const std::string& media_type, bool new_document) {
    errors_.clear();
    for (const auto& problem : configuration::validate_document(new_document ? title : "-", file.name)) {
        errors_.add_local(problem.field, problem.reason_key);
    }
    if (file.bytes.size() > configuration::most_document_bytes) {
        errors_.add_local("file", "error.document_too_large");
    } else if (const auto verdict = files::check_content(media_type, file.bytes);
               verdict != files::ContentCheck::accepted) {
        errors_.add_local("file", verdict == files::ContentCheck::mismatch ? "field.content_type_mismatch"
                                                                                   : "field.unsupported_content_type");
    }
    return errors_.empty();
}

void DocumentList::send(ApiClient& api, std::string path, const PickedFile& file, const std::string& media_type) {
    busy_ = true;
    const auto id = item_id_;
    api.send({"POST", std::move(path), file.bytes, {{"Content-Type", media_type}}}, [this, id, &api](const ApiResult& result) {
        if (id != item_id_) return;
        accept_upload(result);
        if (result.ok()) load(api, id);
    });
}

bool DocumentList::upload(ApiClient& api, const PickedFile& file) {
    if (busy_ || item_id_ == 0) return false;
    const auto media_type = upload_media_type(file);
    if (!check(file, media_type, true)) return false;
    send(api,
         with_query(item_path(item_id_, "/documents"),
                    {{"title", title}, {"kind", std::string(configuration::document_kind_name(kind))}, {"file_name", file.name}}),
         file, media_type);
    return true;
}

bool DocumentList::upload_version(ApiClient& api, std::int64_t document_id, const PickedFile& file) {
    if (busy_ || item_id_ == 0) return false;
    const auto media_type = upload_media_type(file);
    if (!check(file, media_type, false)) return false;
    std::string rest = "/documents/";
    rest.append(std::to_string(document_id)).append("/versions");
    send(api, with_query(item_path(item_id_, rest), {{"file_name", file.name}}), file, media_type);
    return true;
}

void DocumentList::accept_upload(const ApiResult& result) {
    busy_ = false;
    if (result.ok()) {
        title.clear();
        uploaded_ = true;
        return;
    }
    errors_.add_result(result);
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
