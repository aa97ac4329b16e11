#include <catch2/catch.hpp>

#include "text/csv.hpp"

using namespace madoguchi::text;

namespace {

using Fields = std::vector<std::string>;

std::vector<std::size_t> lines_of(const CsvDocument& document) {
    std::vector<std::size_t> lines;
    for (const auto& record : document.records) lines.push_back(record.line);
    return lines;
}

std::vector<std::size_t> error_lines(const CsvDocument& document) {
    std::vector<std::size_t> lines;
    for (const auto& error : document.errors) lines.push_back(error.line);
    return lines;
}

}  // namespace

TEST_CASE("CSV fields split on commas, one record per line", "[text][csv]") {
    const auto document = read_csv("login,name\nsuzuki,鈴木 一郎\n");
    REQUIRE(document.errors.empty());
    REQUIRE(document.records.size() == 2);
    CHECK(document.records[0].fields == Fields{"login", "name"});
    CHECK(document.records[1].fields == Fields{"suzuki", "鈴木 一郎"});
    CHECK(lines_of(document) == std::vector<std::size_t>{1, 2});
}

TEST_CASE("CSV empty fields, a trailing comma and a missing final line end", "[text][csv]") {
    const auto document = read_csv("a,,c\nd,");
    REQUIRE(document.errors.empty());
    REQUIRE(document.records.size() == 2);
    CHECK(document.records[0].fields == Fields{"a", "", "c"});
    CHECK(document.records[1].fields == Fields{"d", ""});
}

TEST_CASE("CSV quoted fields keep commas, doubled quotes and line breaks", "[text][csv]") {
    const auto document = read_csv("\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nnext,\"\"\r\n");
    REQUIRE(document.errors.empty());
    REQUIRE(document.records.size() == 2);
    CHECK(document.records[0].fields == Fields{"a,b", "say \"hi\"", "two\r\nlines"});
    CHECK(document.records[1].fields == Fields{"next", ""});
    // The second record starts on physical line 3: the first spans lines 1 and 2.
    CHECK(lines_of(document) == std::vector<std::size_t>{1, 3});
}

TEST_CASE("CSV line ends may be CRLF, LF or CR, mixed, and blank lines are skipped", "[text][csv]") {
    const auto document = read_csv("a\r\nb\nc\rd\n\n\r\ne");
    REQUIRE(document.errors.empty());
    REQUIRE(document.records.size() == 5);
    CHECK(document.records[3].fields == Fields{"d"});
    CHECK(lines_of(document) == std::vector<std::size_t>{1, 2, 3, 4, 7});
}

TEST_CASE("CSV ignores a UTF-8 byte order mark at the start only", "[text][csv]") {
    const auto document = read_csv("\xEF\xBB\xBFlogin,name\n");
    REQUIRE(document.records.size() == 1);
    CHECK(document.records[0].fields == Fields{"login", "name"});
    CHECK(read_csv("a,\xEF\xBB\xBF" "b").records[0].fields[1] == "\xEF\xBB\xBF" "b");
}

TEST_CASE("CSV with a quote inside an unquoted field reports the line and reads on", "[text][csv]") {
    const auto document = read_csv("ok,1\nbad,ab\"c\nok,2\n");
    REQUIRE(document.errors.size() == 1);
    CHECK(document.errors[0].line == 2);
    CHECK(document.errors[0].message.find("quote inside an unquoted field") != std::string::npos);
    CHECK(lines_of(document) == std::vector<std::size_t>{1, 3});
    CHECK(document.records[1].fields == Fields{"ok", "2"});
}

TEST_CASE("CSV with text after a closing quote reports the line and reads on", "[text][csv]") {
    const auto document = read_csv("\"multi\nline\"x,1\nok,2\n");
    REQUIRE(document.errors.size() == 1);
    CHECK(document.errors[0].line == 2);
    CHECK(document.errors[0].message == "text after the closing quote of a field");
    REQUIRE(document.records.size() == 1);
    CHECK(document.records[0].line == 3);
}

TEST_CASE("CSV with an unclosed quote reports its line and reads the following lines again", "[text][csv]") {
    const auto document = read_csv("ok,1\nbad,\"open\nok,2\nok,3\n");
    REQUIRE(error_lines(document) == std::vector<std::size_t>{2});
    CHECK(document.errors[0].message == "a quoted field is not closed");
    CHECK(lines_of(document) == std::vector<std::size_t>{1, 3, 4});
}

TEST_CASE("CSV errors on many lines are all listed", "[text][csv]") {
    const auto document = read_csv("h\na\"\nb\n\"c\"d\ne\"\n");
    CHECK(error_lines(document) == std::vector<std::size_t>{2, 4, 5});
    CHECK(lines_of(document) == std::vector<std::size_t>{1, 3});
}

TEST_CASE("CSV of nothing has no records and no errors", "[text][csv]") {
    CHECK(read_csv("").records.empty());
    CHECK(read_csv("\xEF\xBB\xBF").records.empty());
    CHECK(read_csv("\n\r\n").errors.empty());
}

TEST_CASE("CSV writing quotes only what needs it, and reads back the same", "[text][csv]") {
    CHECK(csv_field("鈴木") == "鈴木");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    const Fields fields{"plain", "com,ma", "quo\"te", "line\r\nbreak", ""};
    const auto row = csv_row(fields);
    CHECK(row.ends_with("\r\n"));
    const auto document = read_csv(row + row);
    REQUIRE(document.errors.empty());
    REQUIRE(document.records.size() == 2);
    CHECK(document.records[1].fields == fields);
}

TEST_CASE("a value Excel would run as a formula gets a leading quote, which comes off again", "[text][csv]") {
    for (const std::string formula : {"=SUM(A1)", "+81 3", "-123", "@cmd", "\tx", "\rx"}) {
        INFO(formula);
        CHECK(formula_guarded(formula) == "'" + formula);
        CHECK(formula_unguarded(formula_guarded(formula)) == formula);
    }
    SECTION("plain text, numbers and empty values stay as they are, both ways") {
        for (const std::string plain : {"", "GSS-0001", "123", "a=b", "鈴木", "'quoted'"}) {
            INFO(plain);
            CHECK(formula_guarded(plain) == plain);
            CHECK(formula_unguarded(plain) == plain);
        }
    }
    SECTION("a value that already starts with a quote before a formula keeps its quote") {
        CHECK(formula_guarded("'=A1") == "''=A1");
        CHECK(formula_unguarded("''=A1") == "'=A1");
        CHECK(formula_unguarded("'=A1") == "=A1");
    }
}
