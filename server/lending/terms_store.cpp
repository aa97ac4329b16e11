#include "lending/terms_store.hpp"

namespace madoguchi::server::lending {

nlohmann::json to_json(const TermsVersion& terms) {
    return {{"form", terms.form},          {"version", terms.version},
            {"text_ja", terms.text.text_ja}, {"text_en", terms.text.text_en},
            {"published_by", terms.published_by}, {"published_at", terms.published_at}};
}

store::Result<std::optional<TermsVersion>> current_terms(store::Database& database, const std::string& form) {
    auto select = database.prepare(
        "SELECT version, text_ja, text_en, published_by, published_at FROM loan_terms WHERE form = ?1 "
        "ORDER BY version DESC LIMIT 1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, form);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<TermsVersion>();
    const auto& s = select.value();
    return std::optional<TermsVersion>(
        TermsVersion{form, s.column_int(0), {s.column_text(1), s.column_text(2)}, s.column_text(3), s.column_text(4)});
}

store::Result<TermsVersion> publish_terms(store::Database& database, const std::string& form,
                                          const madoguchi::lending::TermsText& text, const std::string& actor,
                                          calendar::Instant now) {
    auto current = current_terms(database, form);
    if (!current) return store::Error{current.error()};
    TermsVersion terms{form, current.value() ? current.value()->version + 1 : 1, text, actor,
                       calendar::format_iso8601_utc(now)};
    auto insert = database.prepare(
        "INSERT INTO loan_terms (form, version, text_ja, text_en, published_by, published_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, form).bind(2, terms.version).bind(3, text.text_ja).bind(4, text.text_en)
        .bind(5, actor).bind(6, terms.published_at);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return terms;
}

}  // namespace madoguchi::server::lending
