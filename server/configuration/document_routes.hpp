#pragma once
// /api/v1/configuration-items/{id}/documents: documents with their versions — upload (the raw
// bytes as the body, checked for size and for a content type that matches them), a new
// version, the list, and the download of one version.
#include <string>
#include <string_view>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::configuration {

void add_document_routes(http::Router& router, store::SharedDatabase& database);

// `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII stand-in for old
// clients, the real (Japanese) name percent-encoded for the rest.
std::string content_disposition(std::string_view file_name);

}  // namespace madoguchi::server::configuration
