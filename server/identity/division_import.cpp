#include "identity/division_import.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "i18n/catalog.hpp"
#include "identity/division.hpp"
#include "text/csv.hpp"

namespace madoguchi::server::identity {
namespace {

constexpr std::string_view known_columns[] = {"code", "parent_code", "name_ja", "name_en"};
constexpr std::string_view required_columns[] = {"code", "name_ja"};

std::string trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return std::string(text);
}

std::string english(const std::string& reason_key) {
    return i18n::has_key(reason_key) ? i18n::text(reason_key, i18n::Language::en) : reason_key;
}

bool same(const Division& a, const Division& b) {
    return a.parent_code == b.parent_code && a.name_ja == b.name_ja && a.name_en == b.name_en;
}

void sort_by_line(std::vector<ImportProblem>& problems) {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
}

}  // namespace

store::Result<DivisionImportPlan> plan_division_import(store::Database& database, std::string_view csv_text) {
    DivisionImportPlan plan;
    const auto document = madoguchi::text::read_csv(csv_text);
    for (const auto& error : document.errors) plan.problems.push_back({error.line, "csv", error.message});
    if (document.records.empty()) {
        if (document.errors.empty()) plan.problems.push_back({1, "header", "the file is empty (a header row is required)"});
        return plan;
    }
    const auto& header = document.records.front();
    std::map<std::string, std::size_t> columns;
    const auto problems_before_header = plan.problems.size();
    for (std::size_t index = 0; index < header.fields.size(); ++index) {
        const auto name = trim(header.fields[index]);
        if (std::find(std::begin(known_columns), std::end(known_columns), name) == std::end(known_columns)) {
            plan.problems.push_back(
                {header.line, "header", "unknown column '" + name + "' (columns: code, parent_code, name_ja, name_en)"});
        } else if (!columns.emplace(name, index).second) {
            plan.problems.push_back({header.line, "header", "column '" + name + "' appears twice"});
        }
    }
    for (const auto name : required_columns) {
        if (!columns.contains(std::string(name))) {
            plan.problems.push_back({header.line, "header", "required column '" + std::string(name) + "' is missing"});
        }
    }
    if (plan.problems.size() > problems_before_header) {
        sort_by_line(plan.problems);
        return plan;
    }

    auto stored = list_divisions(database);
    if (!stored) return store::Error{stored.error()};
    // The tree as it will be: what is stored, overlaid by the file.
    std::map<std::string, Division, std::less<>> tree;
    for (const auto& division : stored.value()) tree.emplace(division.code, division);
    const auto existing = tree;

    const auto cell = [&](const madoguchi::text::CsvRecord& record, const char* name) {
        const auto found = columns.find(name);
        return found == columns.end() ? std::string() : trim(record.fields[found->second]);
    };
    std::map<std::string, std::size_t> line_of;
    std::vector<std::pair<std::size_t, Division>> rows;
    for (std::size_t index = 1; index < document.records.size(); ++index) {
        const auto& record = document.records[index];
        if (record.fields.size() != header.fields.size()) {
            plan.problems.push_back({record.line, "record",
                                     "has " + std::to_string(record.fields.size()) + " fields, the header has " +
                                         std::to_string(header.fields.size())});
            continue;
        }
        Division division{cell(record, "code"), cell(record, "parent_code"), cell(record, "name_ja"), cell(record, "name_en")};
        const auto problems =
            madoguchi::identity::validate_division(division.code, division.parent_code, division.name_ja, division.name_en);
        for (const auto& problem : problems) plan.problems.push_back({record.line, problem.field, english(problem.reason_key)});
        if (!problems.empty()) continue;
        if (const auto [first, inserted] = line_of.emplace(division.code, record.line); !inserted) {
            plan.problems.push_back({record.line, "code",
                                     "'" + division.code + "' appears again (first on line " + std::to_string(first->second) + ")"});
            continue;
        }
        tree[division.code] = division;
        rows.emplace_back(record.line, std::move(division));
    }

    std::map<std::string, std::size_t> depth_of;
    for (const auto& [line, division] : rows) {
        if (!division.parent_code.empty() && !tree.contains(division.parent_code)) {
            plan.problems.push_back({line, "parent_code",
                                     "'" + division.parent_code + "' is neither a registered division nor in the file"});
            continue;
        }
        // Walk up to the top; a code met twice is a loop.
        std::set<std::string> seen{division.code};
        std::string path = division.code;
        std::size_t depth = 0;
        bool loops = false;
        for (auto parent = division.parent_code; !parent.empty(); parent = tree.at(parent).parent_code) {
            path += " → " + parent;
            ++depth;
            if (!seen.insert(parent).second) {
                loops = true;
                break;
            }
            if (!tree.contains(parent)) break;
        }
        if (loops) {
            plan.problems.push_back({line, "parent_code", "makes a loop: " + path});
            continue;
        }
        depth_of[division.code] = depth;
    }
    sort_by_line(plan.problems);
    if (!plan.problems.empty()) return plan;

    for (const auto& [line, division] : rows) {
        const auto found = existing.find(division.code);
        if (found != existing.end() && same(found->second, division)) {
            ++plan.unchanged;
            continue;
        }
        plan.changes.push_back(
            {line, found == existing.end() ? std::nullopt : std::optional<Division>(found->second), division});
    }
    std::stable_sort(plan.changes.begin(), plan.changes.end(), [&](const DivisionChange& a, const DivisionChange& b) {
        return depth_of[a.after.code] < depth_of[b.after.code];
    });
    return plan;
}

store::Status apply_division_changes(store::Database& database, const std::vector<DivisionChange>& changes,
                                     const audit::Actor& actor) {
    for (const auto& change : changes) {
        if (auto stored = upsert_division(database, change.after); !stored) return stored;
        const auto before = change.before ? std::optional<nlohmann::json>(to_json(*change.before)) : std::nullopt;
        auto recorded = audit::record(database, {actor, change.before ? "division.updated" : "division.created", "division",
                                                 change.after.code, before, to_json(change.after)});
        if (!recorded) return recorded;
    }
    return store::success();
}

}  // namespace madoguchi::server::identity
