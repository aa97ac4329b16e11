// libFuzzer target: what an import file goes through before its rows are checked — decoding
// (UTF-8 or CP932, found out from the bytes) and the CSV reader. Besides crashes and sanitizer
// reports it checks what the reader promises to the imports that report problems by line.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "text/csv.hpp"
#include "text/encoding.hpp"
#include "text/utf8.hpp"

namespace {

namespace text = madoguchi::text;
namespace encoding = madoguchi::server::text;

void require(bool holds, const char* promise) {
    if (holds) return;
    std::fprintf(stderr, "broken promise: %s\n", promise);
    std::abort();
}

// Physical lines as the reader counts them: CRLF, LF and CR each end one.
std::size_t physical_lines(std::string_view input) {
    std::size_t lines = 1;
    for (std::size_t i = 0; i < input.size(); ++i) {
        if (input[i] == '\r' && i + 1 < input.size() && input[i + 1] == '\n') ++i;
        if (input[i] == '\r' || input[i] == '\n') ++lines;
    }
    return lines;
}

void check_lines(const text::CsvDocument& document, std::size_t lines) {
    std::size_t previous = 0;
    for (const auto& record : document.records) {
        require(record.line >= 1 && record.line <= lines, "a record starts on a line of the file");
        require(record.line > previous, "each record starts on a later line than the one before");
        require(!record.fields.empty(), "a record has at least one field");
        previous = record.line;
    }
    previous = 0;
    for (const auto& error : document.errors) {
        require(error.line >= 1 && error.line <= lines, "a problem is on a line of the file");
        require(error.line >= previous, "problems come in file order");
        require(!error.message.empty(), "a problem says what is wrong");
        previous = error.line;
    }
}

// The records written back (as the audit export writes them, after a byte order mark) read
// the same. A record of one empty field is a blank line once written, and blank lines are
// skipped, so it cannot come back.
void check_round_trip(const text::CsvDocument& document) {
    std::string written = "\xEF\xBB\xBF";
    std::vector<std::vector<std::string>> expected;
    for (const auto& record : document.records) {
        if (record.fields.size() == 1 && record.fields.front().empty()) continue;
        written += text::csv_row(record.fields);
        expected.push_back(record.fields);
    }
    const auto again = text::read_csv(written);
    require(again.errors.empty(), "written records read without problems");
    require(again.records.size() == expected.size(), "written records read as as many records");
    for (std::size_t i = 0; i < expected.size(); ++i) {
        require(again.records[i].fields == expected[i], "written records read as the same fields");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto raw = text::read_csv(input);
    check_lines(raw, physical_lines(input));
    check_round_trip(raw);

    const auto decoded = encoding::decode_text(input, encoding::Encoding::automatic);
    if (const auto* error = std::get_if<encoding::DecodeError>(&decoded)) {
        require(error->line >= 1 && error->line <= physical_lines(input), "an undecodable byte is on a line of the file");
        require(!error->message.empty(), "a decoding problem says what is wrong");
        return 0;
    }
    const auto& utf8 = std::get<encoding::DecodedText>(decoded).utf8;
    require(madoguchi::text::decode_utf8(utf8).has_value(), "decoded text is valid UTF-8");
    const auto document = text::read_csv(utf8);
    check_lines(document, physical_lines(utf8));
    check_round_trip(document);
    return 0;
}
