#include <catch2/catch.hpp>

#include "text/encoding.hpp"

using namespace madoguchi::server::text;

namespace {

DecodedText decoded(std::string_view bytes, Encoding encoding) {
    auto result = decode_text(bytes, encoding);
    if (const auto* error = std::get_if<DecodeError>(&result)) FAIL("line " << error->line << ": " << error->message);
    return std::get<DecodedText>(result);
}

DecodeError failure(std::string_view bytes, Encoding encoding) {
    auto result = decode_text(bytes, encoding);
    REQUIRE(std::holds_alternative<DecodeError>(result));
    return std::get<DecodeError>(result);
}

// 鈴木 一郎,表示,髙橋 (IBM extension FBFC),～ in CP932; 表 and ソ end in 0x5C, a backslash in ASCII.
const std::string cp932_line = "\x97\xE9\x96\xD8\x81\x40\x88\xEA\x98\x59,\x95\x5C\x8E\xA6,\xFB\xFC\x8B\xB4,\x81\x60";
const std::string utf8_line = "鈴木　一郎,表示,髙橋,～";

}  // namespace

TEST_CASE("encoding names are read in any case", "[encoding]") {
    CHECK(parse_encoding("auto") == Encoding::automatic);
    CHECK(parse_encoding("UTF-8") == Encoding::utf8);
    CHECK(parse_encoding("utf8") == Encoding::utf8);
    CHECK(parse_encoding("cp932") == Encoding::cp932);
    CHECK(parse_encoding("Shift_JIS") == Encoding::cp932);
    CHECK_FALSE(parse_encoding("latin1"));
}

TEST_CASE("CP932 decodes to UTF-8, IBM extensions and 0x5C trail bytes included", "[encoding]") {
    const auto text = decoded(cp932_line, Encoding::cp932);
    CHECK(text.utf8 == utf8_line);
    CHECK(text.encoding == Encoding::cp932);
}

TEST_CASE("auto detection takes valid UTF-8 as UTF-8 and anything else as CP932", "[encoding]") {
    CHECK(decoded(utf8_line, Encoding::automatic).encoding == Encoding::utf8);
    CHECK(decoded(utf8_line, Encoding::automatic).utf8 == utf8_line);
    const auto with_mark = decoded("\xEF\xBB\xBF" + utf8_line, Encoding::automatic);
    CHECK(with_mark.encoding == Encoding::utf8);
    CHECK(with_mark.utf8 == utf8_line);
    const auto shift_jis = decoded("login,name\n" + cp932_line, Encoding::automatic);
    CHECK(shift_jis.encoding == Encoding::cp932);
    CHECK(shift_jis.utf8 == "login,name\n" + utf8_line);
    CHECK(decoded("plain ascii", Encoding::automatic).encoding == Encoding::utf8);
}

TEST_CASE("an undecodable byte is reported with its line", "[encoding]") {
    // 0xA0 is not a CP932 character; it sits on line 3 (CRLF, then LF line ends).
    const auto cp932 = failure("a\r\nb\nc\xA0", Encoding::cp932);
    CHECK(cp932.line == 3);
    CHECK(cp932.message == "byte 0xA0 cannot be read as CP932 (Shift_JIS)");
    // A lead byte cut off at the end of the file.
    CHECK(failure("ok\n\x97", Encoding::cp932).line == 2);
    const auto utf8 = failure("a\nb\n" + cp932_line, Encoding::utf8);
    CHECK(utf8.line == 3);
    CHECK(utf8.message == "byte 0x97 cannot be read as UTF-8");
    CHECK(failure("\xEF\xBB\xBFok\r\xE7\xAA", Encoding::utf8).line == 2);
}
