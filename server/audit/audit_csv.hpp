#pragma once
// The auditors' CSV of audit records: RFC 4180 (CRLF, every field quoted when it holds a comma,
// quote or line break), UTF-8 with a byte order mark so Excel on Japanese Windows reads it as
// UTF-8, a header row, times in UTC and in Asia/Tokyo.
#include <span>
#include <string>

#include "audit/audit_chain.hpp"

namespace madoguchi::server::audit {

inline constexpr const char* csv_content_type = "text/csv; charset=utf-8";

// The whole file: BOM, header, one row per record in the given order.
std::string records_csv(std::span<const StoredRecord> records);

}  // namespace madoguchi::server::audit
