#pragma once
// 文書 (documents) attached to a configuration item: manuals (取扱説明書), operations manuals
// (運用マニュアル) and other files, each kept with all its versions. Uploads are checked by
// files/file_content.hpp: the declared content type must be one the desk keeps and must match
// what the bytes are.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "validation/field_problem.hpp"

namespace madoguchi::configuration {

enum class DocumentKind { manual, operations_manual, other };

std::string_view document_kind_name(DocumentKind kind);  // "manual", "operations_manual", "other"
std::optional<DocumentKind> parse_document_kind(std::string_view name);
std::string document_kind_label_key(DocumentKind kind);  // "configuration.document_kind.manual", …

// 20 MB: a scanned manual fits; anything larger belongs in a file share.
inline constexpr std::size_t most_document_bytes = 20 * 1024 * 1024;

struct DocumentVersion {
    std::int64_t number = 0;  // 1, 2, … per document
    std::string file_name;
    std::string content_type;  // the media type, without parameters
    std::int64_t size = 0;     // bytes
    std::string sha256;        // hex
    std::string uploaded_by;   // login
    std::string uploaded_at;   // UTC ISO 8601
};

struct Document {
    std::int64_t id = 0;
    std::int64_t item_id = 0;
    std::string title;  // 1–200
    DocumentKind kind = DocumentKind::other;
    std::vector<DocumentVersion> versions;  // oldest first
};

// Reason keys: "title" with the text rules' keys (1–200), "file_name" with field.required or
// field.invalid_file_name (at most 200 characters, no path separators or control characters).
std::vector<validation::FieldProblem> validate_document(std::string_view title, std::string_view file_name);

nlohmann::json to_json(const DocumentVersion& version);
nlohmann::json to_json(const Document& document);
std::optional<Document> document_from_json(const nlohmann::json& json);

}  // namespace madoguchi::configuration
