// What the ledger search and the table filter treat as the same text.
#include <catch2/catch.hpp>

#include "text/search_fold.hpp"

using madoguchi::text::fold_for_search;

TEST_CASE("katakana, half-width katakana and hiragana search alike", "[text][search]") {
    CHECK(fold_for_search("ヤマダ タロウ") == "やまだたろう");
    CHECK(fold_for_search("ﾔﾏﾀﾞ ﾀﾛｳ") == "やまだたろう");
    CHECK(fold_for_search("ｶﾞｷﾞｸﾞｹﾞｺﾞ ﾂﾞﾃﾞﾄﾞ ﾊﾞﾋﾟﾌﾞﾍﾟﾎﾞ ｳﾞ") == "がぎぐげごづでどばぴぶぺぼゔ");
    CHECK(fold_for_search("ｯｬｭｮｰ") == "っゃゅょー");
    // A voicing mark where none fits stays a mark of its own.
    CHECK(fold_for_search("ｱﾞ") == "あﾞ");
}

TEST_CASE("full-width letters and digits, case and spaces do not matter", "[text][search]") {
    CHECK(fold_for_search("ＭＦＰ－０１２３") == "mfp-0123");
    CHECK(fold_for_search("MFP-0123") == "mfp-0123");
    CHECK(fold_for_search("山田　太郎") == "山田太郎");
    CHECK(fold_for_search("中央合同庁舎 第3号館") == "中央合同庁舎第3号館");
}

TEST_CASE("text that is not UTF-8 keeps its bytes", "[text][search]") {
    CHECK(fold_for_search("AB\xFF c") == "ab\xFF" "c");
    CHECK(fold_for_search("").empty());
}
