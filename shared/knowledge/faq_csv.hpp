#pragma once
// The chatbot's FAQ file (チャットボット向けFAQ): the published articles for the chatbot
// audience, as the chatbot vendor's import reads them and as the desk keeps each export as a
// backup version that can be restored.
//
// Layout: UTF-8 with a byte order mark (so Excel on Japanese Windows opens it as UTF-8), CRLF
// line ends, RFC 4180 quoting, one header row and one row per article in 番号 order:
//
//   番号,質問,回答,カテゴリ,更新日
//   12,プリンタで紙詰まりが起きたら？,"前面カバーを開けて…
//   （複数行の回答は引用符の中で改行）",プリンタ,2026-11-25
//
//   番号      the article's id in Madoguchi (a restore matches rows to articles by it)
//   質問      the question, one line
//   回答      the answer, line breaks kept inside the quoted field
//   カテゴリ  the category
//   更新日    the date (Asia/Tokyo) of the article's last change, YYYY-MM-DD
//
// Text cells pass text::formula_guarded, so a cell starting with = + - @ does not run as a
// formula when the file is opened in Excel; read_faq_csv() undoes exactly that.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::knowledge {

struct FaqRow {
    std::int64_t number = 0;  // 番号: the article id
    std::string question;
    std::string answer;
    std::string category;
    std::string updated_on;  // YYYY-MM-DD
    friend bool operator==(const FaqRow&, const FaqRow&) = default;
};

// The header row's names, in column order.
const std::vector<std::string>& faq_columns();

std::string write_faq_csv(const std::vector<FaqRow>& rows);

// The rows of a file write_faq_csv() made; empty when it is not one (another header, a
// malformed record, a 番号 that is not a positive whole number or repeats).
std::optional<std::vector<FaqRow>> read_faq_csv(std::string_view bytes);

}  // namespace madoguchi::knowledge
