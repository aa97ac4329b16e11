// Documents: kinds, titles and file names, and the upload check of a declared type against
// the bytes' signature.
#include <catch2/catch.hpp>

#include "configuration/document.hpp"
#include "files/file_content.hpp"

using namespace madoguchi::configuration;
using namespace madoguchi::files;
using madoguchi::validation::FieldProblem;

namespace {

const std::string pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj";
const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
const std::string jpeg = "\xFF\xD8\xFF\xE0\0\x10JFIF";
const std::string docx = std::string("PK\x03\x04\x14\0\x06\0", 8) + "[Content_Types].xml<?xml?>";
const std::string plain_zip = std::string("PK\x03\x04\x14\0\0\0", 8) + "photo.jpg";
const std::string word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

}  // namespace

TEST_CASE("each accepted type is recognised by its bytes", "[configuration][document]") {
    CHECK(check_content("application/pdf", pdf) == ContentCheck::accepted);
    CHECK(check_content("image/png", png) == ContentCheck::accepted);
    CHECK(check_content("image/jpeg", jpeg) == ContentCheck::accepted);
    CHECK(check_content(word, docx) == ContentCheck::accepted);
    CHECK(check_content("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", docx) ==
          ContentCheck::accepted);
    CHECK(check_content("text/plain", "運用手順\r\n1. 再起動") == ContentCheck::accepted);
    CHECK(check_content("text/csv", "\xEF\xBB\xBFparameter,value\r\n") == ContentCheck::accepted);
}

TEST_CASE("a type the bytes contradict is a mismatch, other types are unsupported", "[configuration][document]") {
    CHECK(check_content("application/pdf", png) == ContentCheck::mismatch);
    CHECK(check_content("image/png", jpeg) == ContentCheck::mismatch);
    CHECK(check_content("image/jpeg", pdf) == ContentCheck::mismatch);
    CHECK(check_content(word, plain_zip) == ContentCheck::mismatch);
    CHECK(check_content("text/plain", "\x83\x65\x83\x4c\x83\x58\x83\x67") == ContentCheck::mismatch);  // Shift_JIS テキスト
    CHECK(check_content("text/plain", std::string("a\0b", 3)) == ContentCheck::mismatch);
    CHECK(check_content("application/pdf", "") == ContentCheck::mismatch);
    CHECK(check_content("application/zip", plain_zip) == ContentCheck::unsupported_type);
    CHECK(check_content("application/x-msdownload", "MZ\x90") == ContentCheck::unsupported_type);
    CHECK(check_content("text/html", "<html>") == ContentCheck::unsupported_type);
}

TEST_CASE("the media type is read without parameters and case", "[configuration][document]") {
    CHECK(media_type_of("Text/Plain; charset=UTF-8") == "text/plain");
    CHECK(media_type_of(" application/pdf ") == "application/pdf");
    CHECK(media_type_of("") == "");
}

TEST_CASE("a document needs a title and a plain file name", "[configuration][document]") {
    CHECK(validate_document("Slack 運用マニュアル", "slack-運用.pdf").empty());
    CHECK(validate_document("", "a.pdf") == std::vector<FieldProblem>{{"title", "field.required"}});
    CHECK(validate_document("手順", "") == std::vector<FieldProblem>{{"file_name", "field.required"}});
    CHECK(validate_document("手順", "../etc/passwd") == std::vector<FieldProblem>{{"file_name", "field.invalid_file_name"}});
    CHECK(validate_document("手順", "C:\\temp\\a.pdf") == std::vector<FieldProblem>{{"file_name", "field.invalid_file_name"}});
    CHECK(validate_document("手順", "a\nb.pdf") == std::vector<FieldProblem>{{"file_name", "field.invalid_file_name"}});
}

TEST_CASE("document kinds and a document survive their names and wire form", "[configuration][document]") {
    CHECK(parse_document_kind("operations_manual") == DocumentKind::operations_manual);
    CHECK_FALSE(parse_document_kind("secret"));
    CHECK(document_kind_label_key(DocumentKind::manual) == "configuration.document_kind.manual");
    const Document document{4, 2, "チャットボット 取扱説明書", DocumentKind::manual,
                            {{1, "manual-v1.pdf", "application/pdf", 1024, "ab", "desk1", "2026-11-01T00:00:00Z"},
                             {2, "manual-v2.pdf", "application/pdf", 2048, "cd", "desk2", "2026-11-20T00:00:00Z"}}};
    const auto back = document_from_json(to_json(document));
    REQUIRE(back);
    CHECK(back->title == document.title);
    CHECK(back->kind == DocumentKind::manual);
    REQUIRE(back->versions.size() == 2);
    CHECK(back->versions[1].file_name == "manual-v2.pdf");
    CHECK(back->versions[1].size == 2048);
}
