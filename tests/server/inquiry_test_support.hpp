#pragma once
// Submitting inquiries over HTTP and counting what the database holds, for the inquiry and
// idempotency tests.
#include <httplib.h>

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace madoguchi::testing {

// A complete, valid inquiry body.
nlohmann::json sample_inquiry(const std::string& subject = "複合機が印刷できない");

// POST /api/v1/inquiries with the raw body, and the Idempotency-Key when given.
httplib::Result post_inquiry(httplib::Client& client, const std::string& body,
                             const std::optional<std::string>& key = std::nullopt);

// SELECT count(*) … over a separate connection to the server's database file.
std::int64_t count_rows(const std::filesystem::path& database, const std::string& sql);

}  // namespace madoguchi::testing
