#include "lending/master_image_store.hpp"

namespace madoguchi::server::lending {

nlohmann::json to_json(const MasterImageRow& row) {
    const auto& image = row.image;
    return {{"class", image.class_code},
            {"version", image.version},
            {"released", calendar::format_date(image.released)},
            {"notes", image.notes},
            {"current", image.current},
            {"published_by", row.published_by},
            {"published_at", row.published_at}};
}

store::Result<std::vector<MasterImageRow>> list_master_images(store::Database& database,
                                                              const std::optional<std::string>& class_code) {
    auto select = database.prepare(
        "SELECT class, version, released, notes, current, published_by, published_at FROM master_images "
        "WHERE ?1 IS NULL OR class = ?1 ORDER BY class, version DESC");
    if (!select) return store::Error{select.error()};
    if (class_code) select.value().bind(1, *class_code);
    std::vector<MasterImageRow> rows;
    while (true) {
        auto step = select.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return rows;
        const auto& s = select.value();
        rows.push_back({{s.column_text(0), static_cast<int>(s.column_int(1)),
                         calendar::parse_date(s.column_text(2)).value_or(calendar::Date{}), s.column_text(3),
                         s.column_int(4) != 0},
                        s.column_text(5),
                        s.column_text(6)});
    }
}

std::vector<madoguchi::lending::MasterImage> images_of(const std::vector<MasterImageRow>& rows) {
    std::vector<madoguchi::lending::MasterImage> images;
    for (const auto& row : rows) images.push_back(row.image);
    return images;
}

store::Status insert_current_master(store::Database& database, const madoguchi::lending::MasterImage& image,
                                   const std::string& login, calendar::Instant now) {
    auto demote = database.prepare("UPDATE master_images SET current = 0 WHERE class = ?1 AND current = 1");
    if (!demote) return store::Error{demote.error()};
    demote.value().bind(1, image.class_code);
    if (auto done = demote.value().step(); !done) return store::Error{done.error()};
    auto insert = database.prepare(
        "INSERT INTO master_images (class, version, released, notes, current, published_by, published_at) "
        "VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)");
    if (!insert) return store::Error{insert.error()};
    insert.value()
        .bind(1, image.class_code)
        .bind(2, std::int64_t{image.version})
        .bind(3, calendar::format_date(image.released))
        .bind(4, image.notes)
        .bind(5, login)
        .bind(6, calendar::format_iso8601_utc(now));
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace madoguchi::server::lending
