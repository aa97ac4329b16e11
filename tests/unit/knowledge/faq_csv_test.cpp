#include <catch2/catch.hpp>

#include "knowledge/faq_csv.hpp"

using namespace madoguchi::knowledge;

TEST_CASE("the FAQ file starts with a BOM and the documented header, rows in CRLF", "[knowledge][csv]") {
    const std::vector<FaqRow> rows{{7, "パスワードを忘れたら？", "情報システム室へ\n内線1234", "アカウント", "2026-11-25"}};
    const auto file = write_faq_csv(rows);
    CHECK(file == "\xEF\xBB\xBF番号,質問,回答,カテゴリ,更新日\r\n"
                  "7,パスワードを忘れたら？,\"情報システム室へ\n内線1234\",アカウント,2026-11-25\r\n");
}

TEST_CASE("text that Excel would run as a formula is guarded and read back as written", "[knowledge][csv]") {
    const std::vector<FaqRow> rows{{1, "=1+1 と出る", "-で始まる回答, 引用符\"あり\"", "@その他", "2026-01-05"},
                                   {2, "普通の質問", "'=既に引用符", "PC", "2026-01-06"}};
    const auto file = write_faq_csv(rows);
    CHECK(file.find(",'=1+1 と出る,") != std::string::npos);
    CHECK(file.find("\"'-で始まる回答, 引用符\"\"あり\"\"\"") != std::string::npos);
    CHECK(read_faq_csv(file) == rows);
}

TEST_CASE("a file that is not an FAQ export is refused as a whole", "[knowledge][csv]") {
    CHECK(read_faq_csv(write_faq_csv({})) == std::vector<FaqRow>{});
    CHECK_FALSE(read_faq_csv("番号,質問\r\n1,a\r\n"));
    CHECK_FALSE(read_faq_csv("番号,質問,回答,カテゴリ,更新日\r\nx,a,b,c,d\r\n"));
    CHECK_FALSE(read_faq_csv("番号,質問,回答,カテゴリ,更新日\r\n1,a,b,c,d\r\n1,e,f,g,h\r\n"));
    CHECK_FALSE(read_faq_csv("番号,質問,回答,カテゴリ,更新日\r\n1,a,b\r\n"));
}
