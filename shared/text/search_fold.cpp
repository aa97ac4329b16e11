#include "text/search_fold.hpp"

#include <array>

#include "text/utf8.hpp"

namespace madoguchi::text {
namespace {

// Half-width katakana U+FF66–U+FF9D as full-width katakana (ｦ ｧｨｩｪｫｬｭｮｯ ｰ ｱ…ﾝ).
constexpr std::array<char16_t, 56> half_width_katakana{
    u'ヲ', u'ァ', u'ィ', u'ゥ', u'ェ', u'ォ', u'ャ', u'ュ', u'ョ', u'ッ', u'ー', u'ア', u'イ', u'ウ',
    u'エ', u'オ', u'カ', u'キ', u'ク', u'ケ', u'コ', u'サ', u'シ', u'ス', u'セ', u'ソ', u'タ', u'チ',
    u'ツ', u'テ', u'ト', u'ナ', u'ニ', u'ヌ', u'ネ', u'ノ', u'ハ', u'ヒ', u'フ', u'ヘ', u'ホ', u'マ',
    u'ミ', u'ム', u'メ', u'モ', u'ヤ', u'ユ', u'ヨ', u'ラ', u'リ', u'ル', u'レ', u'ロ', u'ワ', u'ン'};

constexpr char32_t half_voiced_mark = 0xFF9E;       // ﾞ
constexpr char32_t half_semi_voiced_mark = 0xFF9F;  // ﾟ

// カ…チ take it every second code point; the small ッ breaks the spacing before ツテト.
bool takes_voiced_mark(char32_t katakana) {
    return (katakana >= U'カ' && katakana <= U'チ' && (katakana - U'カ') % 2 == 0) || katakana == U'ツ' ||
           katakana == U'テ' || katakana == U'ト' ||
           (katakana >= U'ハ' && katakana <= U'ホ' && (katakana - U'ハ') % 3 == 0) || katakana == U'ウ';
}

bool takes_semi_voiced_mark(char32_t katakana) {
    return katakana >= U'ハ' && katakana <= U'ホ' && (katakana - U'ハ') % 3 == 0;
}

// The voiced form follows its plain one (ガ after カ); ヴ stands apart.
char32_t voiced(char32_t katakana) { return katakana == U'ウ' ? U'ヴ' : katakana + 1; }

char32_t to_hiragana(char32_t katakana) {
    // ァ (U+30A1) … ヶ (U+30F6) sit 0x60 above their hiragana; ヷ–ヺ have none and stay.
    return katakana >= U'ァ' && katakana <= U'ヶ' ? katakana - 0x60 : katakana;
}

char32_t lower_ascii(char32_t c) { return c >= U'A' && c <= U'Z' ? c + (U'a' - U'A') : c; }

}  // namespace

std::string fold_for_search(std::string_view text) {
    const auto decoded = decode_utf8(text);
    std::string folded;
    folded.reserve(text.size());
    if (!decoded) {
        for (const char c : text) {
            if (c != ' ') folded += static_cast<char>(lower_ascii(static_cast<unsigned char>(c)));
        }
        return folded;
    }
    const auto& code_points = *decoded;
    for (std::size_t i = 0; i < code_points.size(); ++i) {
        char32_t c = code_points[i];
        if (c == U' ' || c == U'\u3000') continue;
        if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFF01 - 0x21;  // full-width ASCII
        if (c >= 0xFF66 && c <= 0xFF9D) {
            c = half_width_katakana[c - 0xFF66];
            const char32_t next = i + 1 < code_points.size() ? code_points[i + 1] : 0;
            if (next == half_voiced_mark && takes_voiced_mark(c)) {
                c = voiced(c);
                ++i;
            } else if (next == half_semi_voiced_mark && takes_semi_voiced_mark(c)) {
                c += 2;
                ++i;
            }
        }
        append_utf8(folded, to_hiragana(lower_ascii(c)));
    }
    return folded;
}

}  // namespace madoguchi::text
