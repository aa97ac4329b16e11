#include <catch2/catch.hpp>

#include "text/utf8.hpp"

using namespace madoguchi::text;

TEST_CASE("UTF-8 decodes to code points, Japanese and emoji included", "[text]") {
    CHECK(decode_utf8("") == std::u32string());
    CHECK(decode_utf8("abc") == U"abc");
    CHECK(decode_utf8("窓口") == U"窓口");
    CHECK(decode_utf8("髙橋 🙂") == U"髙橋 🙂");
}

TEST_CASE("malformed UTF-8 is refused", "[text]") {
    CHECK_FALSE(decode_utf8("\xE7\xAA"));             // truncated 窓
    CHECK_FALSE(decode_utf8("\x80"));                 // lone continuation byte
    CHECK_FALSE(decode_utf8("\xC0\xAF"));             // overlong '/'
    CHECK_FALSE(decode_utf8("\xE0\x80\xAF"));         // overlong '/' in three bytes
    CHECK_FALSE(decode_utf8("\xED\xA0\x80"));         // surrogate U+D800
    CHECK_FALSE(decode_utf8("\xF4\x90\x80\x80"));     // above U+10FFFF
    CHECK_FALSE(decode_utf8("\xFF"));
    CHECK_FALSE(decode_utf8("a\xE7" "b"));            // lead byte followed by ASCII
}

TEST_CASE("blank and control characters", "[text]") {
    CHECK(is_blank(U' '));
    CHECK(is_blank(U'\u3000'));
    CHECK(is_blank(U'\n'));
    CHECK_FALSE(is_blank(U'あ'));
    CHECK(is_control(U'\0'));
    CHECK(is_control(U'\x7F'));
    CHECK(is_control(U'\x85'));
    CHECK_FALSE(is_control(U' '));
    CHECK_FALSE(is_control(U'\u3000'));
}
