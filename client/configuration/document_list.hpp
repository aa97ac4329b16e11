#pragma once
// 構成管理's 文書 tab for the open item: its documents with every version, each version
// downloadable through the platform (App::download).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "app/picked_file.hpp"
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

    // A new document: its title and kind as typed, the file as picked. Checked here first
    // (title, name, 20 MB, type against the bytes) with the rules the server applies.
    std::string title;
    configuration::DocumentKind kind = configuration::DocumentKind::manual;
    bool upload(ApiClient& api, const PickedFile& file);
    // Another version of an existing document.
    bool upload_version(ApiClient& api, std::int64_t document_id, const PickedFile& file);
    // Reads an upload's answer; public for tests with fixtures.
    void accept_upload(const ApiResult& result);
    bool busy() const { return busy_; }
    const FormErrors& errors() const { return errors_; }
    // Once: true after an upload was stored.
    bool take_uploaded() { return std::exchange(uploaded_, false); }

private:
    // The local checks; false (with the errors set) when the file cannot go.
    bool check(const PickedFile& file, const std::string& media_type, bool new_document);
    void send(ApiClient& api, std::string path, const PickedFile& file, const std::string& media_type);

    State state_ = State::idle;
    std::string error_text_;
    std::int64_t item_id_ = 0;
    std::vector<configuration::Document> documents_;
    i18n::Language language_;
    FormErrors errors_;
    bool busy_ = false;
    bool uploaded_ = false;
};

// The media type to send: the browser's, or one from the file name's extension when the
// browser gave none ("manual.PDF" → application/pdf).
std::string upload_media_type(const PickedFile& file);
// What the file chooser offers.
inline constexpr const char* document_accept = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.txt,.csv";

// Where a version's bytes are downloaded from.
std::string document_version_path(const configuration::Document& document, std::int64_t number);
// "第2版 manual-v2.pdf（1.2 MB、2026-11-20 desk2）" / "v2 manual-v2.pdf (1.2 MB, 2026-11-20 desk2)".
std::string document_version_text(const configuration::DocumentVersion& version, i18n::Language language);
// "980 B", "12.5 KB", "1.2 MB".
std::string byte_size_text(std::int64_t bytes);

}  // namespace madoguchi::client
