#include "tickets/ticket_trends_csv.hpp"

#include <vector>

#include "text/csv.hpp"

namespace madoguchi::server::tickets {
namespace {

namespace domain = madoguchi::tickets;
using i18n::Language;

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

class Sheet {
public:
    explicit Sheet(Language language) : language_(language) {
        out_ = byte_order_mark;
        std::vector<std::string> header;
        for (const char* column : {"section", "section_name", "key", "key_name", "measure", "measure_name", "value"}) {
            header.push_back(say(std::string("ticket_trends.csv.") + column));
        }
        out_ += text::csv_row(header);
    }

    void row(std::string_view section, const std::string& key, const std::string& key_name, std::string_view measure,
             const std::string& value) {
        const std::string section_key = std::string("ticket_trends.section.") + std::string(section);
        const std::string measure_key = std::string("ticket_trends.measure.") + std::string(measure);
        // Division codes and categories come from people: never a formula in Excel.
        const std::vector<std::string> fields{std::string(section), say(section_key), text::formula_guarded(key),
                                              text::formula_guarded(key_name), std::string(measure),
                                              say(measure_key), value};
        out_ += text::csv_row(fields);
    }

    // The catalog's name of key under `prefix` (none: the key itself is its name); "none" for "".
    std::string name(std::string_view prefix, const std::string& key) const {
        if (key.empty()) return say("ticket_trends.none");
        if (prefix.empty()) return key;
        const auto catalog_key = std::string(prefix) + key;
        return i18n::has_key(catalog_key) ? say(catalog_key) : key;
    }

    std::string take() { return std::move(out_); }

private:
    std::string say(const std::string& key) const { return i18n::text(key, language_); }

    Language language_;
    std::string out_;
};

void counts(Sheet& sheet, std::string_view section, std::string_view label_prefix,
            const std::vector<domain::TrendCount>& counts) {
    for (const auto& count : counts) {
        sheet.row(section, count.key, sheet.name(label_prefix, count.key), "count", std::to_string(count.count));
    }
}

std::string minutes_text(const std::optional<std::int64_t>& minutes) { return minutes ? std::to_string(*minutes) : ""; }

void durations(Sheet& sheet, std::string_view section, const std::vector<domain::DurationStats>& stats) {
    for (const auto& s : stats) {
        const std::string kind(domain::kind_name(s.kind));
        const auto name = sheet.name("tickets.kind.", kind);
        sheet.row(section, kind, name, "samples", std::to_string(s.samples));
        sheet.row(section, kind, name, "median_minutes", minutes_text(s.median_minutes));
        sheet.row(section, kind, name, "p90_minutes", minutes_text(s.p90_minutes));
    }
}

}  // namespace

std::string trends_csv(const domain::TicketTrends& trends, Language language) {
    Sheet sheet(language);
    const auto from = calendar::format_date(trends.period.from);
    const auto to = calendar::format_date(trends.period.to);
    sheet.row("period", "from", from, "date", from);
    sheet.row("period", "to", to, "date", to);
    sheet.row("total", "", "", "count", std::to_string(trends.total));
    counts(sheet, "kind", "tickets.kind.", trends.by_kind);
    counts(sheet, "category", "tickets.category.", trends.by_category);
    counts(sheet, "device_class", "inventory.class.", trends.by_device_class);
    counts(sheet, "division", "", trends.by_division);
    counts(sheet, "week", "", trends.by_week);
    for (const auto& r : trends.recurring) {
        const auto key = r.device_class.empty() ? r.category : r.category + "/" + r.device_class;
        auto name = sheet.name("tickets.category.", r.category);
        if (!r.device_class.empty()) name += " / " + sheet.name("inventory.class.", r.device_class);
        sheet.row("recurring_category", key, name, "count", std::to_string(r.count));
    }
    durations(sheet, "first_response", trends.first_response);
    durations(sheet, "resolution", trends.resolution);
    for (const auto& m : trends.security_incidents) {
        sheet.row("security_incidents", m.month, m.month, "received", std::to_string(m.received));
        sheet.row("security_incidents", m.month, m.month, "closed", std::to_string(m.closed));
        sheet.row("security_incidents", m.month, m.month, "open", std::to_string(m.open));
    }
    return sheet.take();
}

}  // namespace madoguchi::server::tickets
