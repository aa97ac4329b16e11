#include "audit/audit_export.hpp"

#include "audit/audit_csv.hpp"
#include "audit/audit_query.hpp"

namespace madoguchi::server::audit {

store::Result<Export> export_records(store::Database& database, const calendar::Date& from, const calendar::Date& to,
                                     const Actor& actor) {
    Export result;
    auto committed = database.transaction([&]() -> store::Status {
        auto records = records_between(database, from, to);
        if (!records) return store::Error{records.error()};
        result.records = static_cast<std::int64_t>(records.value().size());
        result.csv = records_csv(records.value());
        const auto period = calendar::format_date(from) + ".." + calendar::format_date(to);
        return record(database, {actor, "audit.exported", "audit_log", period, std::nullopt,
                                 nlohmann::json{{"from", calendar::format_date(from)},
                                                {"to", calendar::format_date(to)},
                                                {"records", result.records}}});
    });
    if (!committed) return store::Error{committed.error()};
    return result;
}

std::string export_file_name(const calendar::Date& from, const calendar::Date& to) {
    std::string name = "audit-";
    name += calendar::format_date(from);
    name += '-';
    name += calendar::format_date(to);
    name += ".csv";
    return name;
}

}  // namespace madoguchi::server::audit
