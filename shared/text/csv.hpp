#pragma once
// CSV as RFC 4180 describes it, read leniently about line ends (CRLF, LF or CR) and an
// optional UTF-8 byte order mark, strictly about quoting. Imports report every bad line at
// once, so a bad record costs only itself: reading goes on at the next line.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::text {

struct CsvRecord {
    std::size_t line = 0;  // physical line (1-based) where the record starts
    std::vector<std::string> fields;
};

struct CsvError {
    std::size_t line = 0;  // physical line (1-based) of the problem
    std::string message;   // English, e.g. "a quote inside an unquoted field"
};

struct CsvDocument {
    std::vector<CsvRecord> records;  // in file order; blank lines are skipped
    std::vector<CsvError> errors;    // in file order
};

// Splits `text` into records. A quoted field keeps its line breaks as written.
CsvDocument read_csv(std::string_view text);

// The field as CSV: quoted (with doubled quotes) when it holds a comma, quote, CR or LF.
std::string csv_field(std::string_view value);
// One record: the fields joined with commas, ending in CRLF.
std::string csv_row(std::span<const std::string> fields);

// Text someone typed must not run as a formula when the file is opened in Excel (OWASP's CSV
// injection advice): a value starting with =, +, -, @, tab or CR gets a ' in front, as does
// one that starts with ' before such a value, so formula_unguarded() can undo exactly what
// formula_guarded() added and an exported file imports back unchanged.
std::string formula_guarded(std::string_view value);
// The value formula_guarded() was given: the leading ' removed only where it added one.
std::string_view formula_unguarded(std::string_view cell);

}  // namespace madoguchi::text
