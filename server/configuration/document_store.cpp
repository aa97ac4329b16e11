#include "configuration/document_store.hpp"

namespace madoguchi::server::configuration {
namespace {

namespace domain = madoguchi::configuration;

constexpr std::string_view version_columns = "number, file_name, content_type, size, sha256, uploaded_by, uploaded_at";

domain::DocumentVersion read_version(const store::Statement& row, int first) {
    return {row.column_int(first),         row.column_text(first + 1), row.column_text(first + 2),
            row.column_int(first + 3),     row.column_text(first + 4), row.column_text(first + 5),
            row.column_text(first + 6)};
}

store::Status add_versions(store::Database& database, std::vector<domain::Document>& documents) {
    auto select = database.prepare("SELECT " + std::string(version_columns) +
                                   " FROM document_versions WHERE document_id = ?1 ORDER BY number");
    if (!select) return store::Error{select.error()};
    for (auto& document : documents) {
        select.value().reset().bind(1, document.id);
        while (true) {
            auto row = select.value().step();
            if (!row) return store::Error{row.error()};
            if (!row.value()) break;
            document.versions.push_back(read_version(select.value(), 0));
        }
    }
    return store::success();
}

store::Result<std::vector<domain::Document>> select_documents(store::Database& database, std::int64_t item_id,
                                                              std::optional<std::int64_t> document_id) {
    auto select = database.prepare(
        "SELECT id, item_id, title, kind FROM documents WHERE item_id = ?1 AND (?2 IS NULL OR id = ?2) ORDER BY title, id");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, item_id);
    if (document_id) select.value().bind(2, *document_id);
    std::vector<domain::Document> documents;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        const auto& s = select.value();
        documents.push_back({s.column_int(0), s.column_int(1), s.column_text(2),
                             domain::parse_document_kind(s.column_text(3)).value_or(domain::DocumentKind::other), {}});
    }
    if (auto added = add_versions(database, documents); !added) return store::Error{added.error()};
    return documents;
}

}  // namespace

store::Result<std::vector<domain::Document>> list_documents(store::Database& database, std::int64_t item_id) {
    return select_documents(database, item_id, std::nullopt);
}

store::Result<std::optional<domain::Document>> find_document(store::Database& database, std::int64_t item_id,
                                                             std::int64_t document_id) {
    auto found = select_documents(database, item_id, document_id);
    if (!found) return store::Error{found.error()};
    if (found.value().empty()) return std::optional<domain::Document>();
    return std::optional<domain::Document>(std::move(found.value().front()));
}

store::Result<std::int64_t> insert_document(store::Database& database, std::int64_t item_id, const std::string& title,
                                            domain::DocumentKind kind) {
    auto insert = database.prepare("INSERT INTO documents (item_id, title, kind) VALUES (?1, ?2, ?3) RETURNING id");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, item_id).bind(2, title).bind(3, domain::document_kind_name(kind));
    auto row = insert.value().step();
    if (!row) return store::Error{row.error()};
    return insert.value().column_int(0);
}

store::Status insert_document_version(store::Database& database, std::int64_t document_id,
                                      const domain::DocumentVersion& version, std::string_view bytes) {
    auto insert = database.prepare(
        "INSERT INTO document_versions (document_id, " + std::string(version_columns) +
        ", bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, document_id).bind(2, version.number).bind(3, version.file_name).bind(4, version.content_type)
        .bind(5, version.size).bind(6, version.sha256).bind(7, version.uploaded_by).bind(8, version.uploaded_at)
        .bind_blob(9, bytes);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Result<std::optional<StoredFile>> read_document_version(store::Database& database, std::int64_t document_id,
                                                               std::int64_t number) {
    auto select = database.prepare("SELECT " + std::string(version_columns) +
                                   ", bytes FROM document_versions WHERE document_id = ?1 AND number = ?2");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, document_id).bind(2, number);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<StoredFile>();
    return std::optional<StoredFile>(StoredFile{read_version(select.value(), 0), select.value().column_blob(7)});
}

}  // namespace madoguchi::server::configuration
