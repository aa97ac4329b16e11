#include "configuration/document.hpp"

#include <algorithm>
#include <array>

#include "text/utf8.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::configuration {
namespace {

constexpr std::array office_types{
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

bool is_office_type(std::string_view media_type) {
    return std::find(office_types.begin(), office_types.end(), media_type) != office_types.end();
}

// An Office Open XML file is a ZIP archive naming its parts in [Content_Types].xml; a plain
// ZIP of other files is not a document.
bool is_office_file(std::string_view bytes) {
    return bytes.starts_with(std::string_view("PK\x03\x04", 4)) && bytes.find("[Content_Types].xml") != std::string_view::npos;
}

bool is_utf8_text(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    const auto decoded = text::decode_utf8(bytes);
    return decoded && std::none_of(decoded->begin(), decoded->end(), [](char32_t c) { return c == 0; });
}

std::string string_member(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::int64_t integer_member(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    return found != json.end() && found->is_number_integer() ? found->get<std::int64_t>() : std::int64_t{0};
}

}  // namespace

std::string_view document_kind_name(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::manual: return "manual";
        case DocumentKind::operations_manual: return "operations_manual";
        case DocumentKind::other: break;
    }
    return "other";
}

std::optional<DocumentKind> parse_document_kind(std::string_view name) {
    for (const auto kind : {DocumentKind::manual, DocumentKind::operations_manual, DocumentKind::other}) {
        if (document_kind_name(kind) == name) return kind;
    }
    return std::nullopt;
}

std::string document_kind_label_key(DocumentKind kind) {
    std::string key = "configuration.document_kind.";
    key += document_kind_name(kind);
    return key;
}

std::vector<validation::FieldProblem> validate_document(std::string_view title, std::string_view file_name) {
    std::vector<validation::FieldProblem> problems;
    if (auto problem = validation::text_problem(title, 200, true); !problem.empty()) {
        problems.push_back({"title", std::move(problem)});
    }
    auto name_problem = validation::text_problem(file_name, 200, true);
    if (name_problem.empty() && file_name.find_first_of("/\\") != std::string_view::npos) {
        name_problem = "field.invalid_file_name";
    }
    if (!name_problem.empty()) {
        problems.push_back({"file_name", name_problem == "field.required" ? name_problem : "field.invalid_file_name"});
    }
    return problems;
}

std::string media_type_of(std::string_view content_type) {
    const auto end = content_type.find(';');
    auto type = content_type.substr(0, end);
    while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
    while (!type.empty() && type.front() == ' ') type.remove_prefix(1);
    std::string lowered(type);
    for (auto& c : lowered) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lowered;
}

ContentCheck check_content(std::string_view media_type, std::string_view bytes) {
    bool matches = false;
    if (media_type == "application/pdf") {
        matches = bytes.starts_with("%PDF-");
    } else if (media_type == "image/png") {
        matches = bytes.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8));
    } else if (media_type == "image/jpeg") {
        matches = bytes.starts_with("\xFF\xD8\xFF");
    } else if (is_office_type(media_type)) {
        matches = is_office_file(bytes);
    } else if (media_type == "text/plain" || media_type == "text/csv") {
        matches = is_utf8_text(bytes);
    } else {
        return ContentCheck::unsupported_type;
    }
    return matches ? ContentCheck::accepted : ContentCheck::mismatch;
}

nlohmann::json to_json(const DocumentVersion& version) {
    return {{"number", version.number},         {"file_name", version.file_name},
            {"content_type", version.content_type}, {"size", version.size},
            {"sha256", version.sha256},         {"uploaded_by", version.uploaded_by},
            {"uploaded_at", version.uploaded_at}};
}

nlohmann::json to_json(const Document& document) {
    auto versions = nlohmann::json::array();
    for (const auto& version : document.versions) versions.push_back(to_json(version));
    return {{"id", document.id},
            {"item_id", document.item_id},
            {"title", document.title},
            {"kind", document_kind_name(document.kind)},
            {"versions", versions}};
}

std::optional<Document> document_from_json(const nlohmann::json& json) {
    if (!json.is_object() || integer_member(json, "id") <= 0) return std::nullopt;
    const auto kind = parse_document_kind(string_member(json, "kind"));
    if (!kind) return std::nullopt;
    Document document{integer_member(json, "id"), integer_member(json, "item_id"), string_member(json, "title"), *kind, {}};
    if (const auto found = json.find("versions"); found != json.end() && found->is_array()) {
        for (const auto& item : *found) {
            if (!item.is_object()) return std::nullopt;
            document.versions.push_back({integer_member(item, "number"), string_member(item, "file_name"),
                                         string_member(item, "content_type"), integer_member(item, "size"),
                                         string_member(item, "sha256"), string_member(item, "uploaded_by"),
                                         string_member(item, "uploaded_at")});
        }
    }
    return document;
}

}  // namespace madoguchi::configuration
