#include "configuration/document.hpp"

#include "files/file_content.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::configuration {
namespace {

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
    if (auto problem = files::file_name_problem(file_name); !problem.empty()) {
        problems.push_back({"file_name", std::move(problem)});
    }
    return problems;
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
