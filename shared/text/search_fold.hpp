#pragma once
// Text as searches compare it, the same on the server (SQL) and in the client's table filter:
// staff type names in katakana, hiragana or kanji, tags in full-width digits from the IME.
#include <string>
#include <string_view>

namespace madoguchi::text {

// ASCII letters lower-cased; full-width ASCII (ＭＦＰ１２) as ASCII; katakana, including
// half-width katakana with their voicing marks, as hiragana (ヤマダ, ﾔﾏﾀﾞ → やまだ); spaces
// (ASCII and U+3000) dropped, so "山田　太郎" finds "山田太郎". Text that is not valid UTF-8
// keeps its bytes, ASCII letters lower-cased.
std::string fold_for_search(std::string_view text);

}  // namespace madoguchi::text
