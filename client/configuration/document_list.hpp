#pragma once
// 構成管理's 文書 tab for the open item: its documents with every version, each version
// downloadable through the platform (App::download).
#include <cstdint>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "configuration/document.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

class DocumentList {
public:
    enum class State { idle, loading, loaded, failed };

    explicit DocumentList(i18n::Language language) : language_(language) {}
    void load(ApiClient& api, std::int64_t item_id);
    // Reads a GET …/documents answer; public for tests with fixtures.
    void accept(const ApiResult& result);
    void clear();

    State state() const { return state_; }
    const std::string& error_text() const { return error_text_; }
    std::int64_t item_id() const { return item_id_; }
    const std::vector<configuration::Document>& documents() const { return documents_; }
    void set_language(i18n::Language language) { language_ = language; }

private:
    State state_ = State::idle;
    std::string error_text_;
    std::int64_t item_id_ = 0;
    std::vector<configuration::Document> documents_;
    i18n::Language language_;
};

// Where a version's bytes are downloaded from.
std::string document_version_path(const configuration::Document& document, std::int64_t number);
// "第2版 manual-v2.pdf（1.2 MB、2026-11-20 desk2）" / "v2 manual-v2.pdf (1.2 MB, 2026-11-20 desk2)".
std::string document_version_text(const configuration::DocumentVersion& version, i18n::Language language);
// "980 B", "12.5 KB", "1.2 MB".
std::string byte_size_text(std::int64_t bytes);

}  // namespace madoguchi::client
