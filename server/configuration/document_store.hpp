#pragma once
// Documents and their versions in SQLite (migration 10); the bytes stay in the database so a
// backup holds them with everything else.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "configuration/document.hpp"
#include "store/database.hpp"

namespace madoguchi::server::configuration {

// The item's documents with their versions (without bytes), by title.
store::Result<std::vector<madoguchi::configuration::Document>> list_documents(store::Database& database,
                                                                              std::int64_t item_id);
store::Result<std::optional<madoguchi::configuration::Document>> find_document(store::Database& database,
                                                                               std::int64_t item_id,
                                                                               std::int64_t document_id);
store::Result<std::int64_t> insert_document(store::Database& database, std::int64_t item_id, const std::string& title,
                                            madoguchi::configuration::DocumentKind kind);
store::Status insert_document_version(store::Database& database, std::int64_t document_id,
                                      const madoguchi::configuration::DocumentVersion& version, std::string_view bytes);

struct StoredFile {
    madoguchi::configuration::DocumentVersion version;
    std::string bytes;
};
store::Result<std::optional<StoredFile>> read_document_version(store::Database& database, std::int64_t document_id,
                                                               std::int64_t number);

}  // namespace madoguchi::server::configuration
