#include "identity/user_import.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "identity/division_store.hpp"
#include "text/csv.hpp"

namespace madoguchi::server::identity {
namespace {

using madoguchi::identity::normalise_login;

std::string trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return std::string(text);
}

std::string lower(std::string text) {
    for (auto& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

std::string english(const std::string& reason_key) {
    return i18n::has_key(reason_key) ? i18n::text(reason_key, i18n::Language::en) : reason_key;
}

bool is_known_column(std::string_view name) {
    const auto in = [name](const auto& list) { return std::find(std::begin(list), std::end(list), name) != std::end(list); };
    return in(user_import_required_columns) || in(user_import_optional_columns);
}

// Roles in one cell: "staff;manager", "staff manager" (a comma works too, when quoted).
std::string role_list_of(std::string_view cell) {
    std::string list;
    for (std::size_t index = 0; index < cell.size(); ++index) {
        const char c = cell[index];
        if (cell.substr(index).starts_with("\xE3\x80\x80")) {  // an ideographic space
            list += ',';
            index += 2;
        } else {
            list += c == ';' || c == ' ' || c == '\t' ? ',' : c;
        }
    }
    return list;
}

// Column positions from the header row; problems when a column is unknown, repeated or missing.
std::optional<std::map<std::string, std::size_t>> read_header(const madoguchi::text::CsvRecord& header,
                                                              std::vector<ImportProblem>& problems) {
    std::map<std::string, std::size_t> columns;
    bool usable = true;
    for (std::size_t index = 0; index < header.fields.size(); ++index) {
        const auto name = lower(trim(header.fields[index]));
        if (!is_known_column(name)) {
            problems.push_back({header.line, "header",
                                "unknown column '" + header.fields[index] +
                                    "' (columns: login, name, name_kana, division_code, roles, email, vendor_company)"});
            usable = false;
        } else if (!columns.emplace(name, index).second) {
            problems.push_back({header.line, "header", "column '" + name + "' appears twice"});
            usable = false;
        }
    }
    for (const auto name : user_import_required_columns) {
        if (!columns.contains(std::string(name))) {
            problems.push_back({header.line, "header", "required column '" + std::string(name) + "' is missing"});
            usable = false;
        }
    }
    if (!usable) return std::nullopt;
    return columns;
}

bool same_fields(const UserFields& a, const UserFields& b) {
    return a.name == b.name && a.division_code == b.division_code && a.roles == b.roles &&
           a.vendor_company == b.vendor_company && a.email == b.email && a.name_kana == b.name_kana;
}

}  // namespace

store::Result<UserImportPlan> plan_user_import(store::Database& database, std::string_view csv_text) {
    UserImportPlan plan;
    const auto document = madoguchi::text::read_csv(csv_text);
    for (const auto& error : document.errors) plan.problems.push_back({error.line, "csv", error.message});
    if (document.records.empty()) {
        if (document.errors.empty()) plan.problems.push_back({1, "header", "the file is empty (a header row is required)"});
        return plan;
    }
    const auto columns = read_header(document.records.front(), plan.problems);
    if (!columns) {
        std::stable_sort(plan.problems.begin(), plan.problems.end(),
                         [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
        return plan;
    }

    auto divisions = list_divisions(database);
    if (!divisions) return store::Error{divisions.error()};
    std::set<std::string, std::less<>> division_codes;
    for (const auto& division : divisions.value()) division_codes.insert(division.code);

    auto existing = all_users(database);
    if (!existing) return store::Error{existing.error()};
    std::unordered_map<std::string, const UserRecord*> by_login;
    std::size_t enabled_admins = 0;
    for (const auto& user : existing.value()) {
        by_login.emplace(user.fields.login, &user);
        if (!user.disabled && madoguchi::identity::has_role(user.fields.roles, Role::admin)) ++enabled_admins;
    }
    const auto admins_before = enabled_admins;
    std::vector<std::size_t> lines_removing_admin;

    const auto cell = [&](const madoguchi::text::CsvRecord& record, const char* name) -> std::optional<std::string> {
        const auto found = columns->find(name);
        if (found == columns->end()) return std::nullopt;
        return trim(record.fields[found->second]);
    };
    std::unordered_map<std::string, std::size_t> first_line_of;
    for (std::size_t index = 1; index < document.records.size(); ++index) {
        const auto& record = document.records[index];
        const auto problem = [&](std::string field, std::string message) {
            plan.problems.push_back({record.line, std::move(field), std::move(message)});
        };
        if (record.fields.size() != columns->size() &&
            !(record.fields.size() > columns->size() &&
              std::all_of(record.fields.begin() + static_cast<std::ptrdiff_t>(columns->size()), record.fields.end(),
                          [](const std::string& extra) { return trim(extra).empty(); }))) {
            problem("record", "has " + std::to_string(record.fields.size()) + " fields, the header has " +
                                  std::to_string(columns->size()));
            continue;
        }
        UserFields fields;
        fields.login = normalise_login(*cell(record, "login"));
        fields.name = *cell(record, "name");
        fields.division_code = *cell(record, "division_code");
        const auto roles_cell = *cell(record, "roles");
        const auto kana = cell(record, "name_kana");
        const auto email = cell(record, "email");
        const auto company = cell(record, "vendor_company");
        const auto found = by_login.find(fields.login);
        const UserRecord* before = found == by_login.end() ? nullptr : found->second;
        // A column left out of the file keeps what is stored.
        fields.name_kana = kana ? *kana : before ? before->fields.name_kana : std::string();
        fields.email = email ? *email : before ? before->fields.email : std::string();
        fields.vendor_company = company ? *company : before ? before->fields.vendor_company : std::string();

        auto roles = madoguchi::identity::parse_role_list(role_list_of(roles_cell));
        bool roles_valid = true;
        if (auto* error = std::get_if<madoguchi::identity::RoleListError>(&roles)) {
            problem("roles", error->message);
            roles_valid = false;
        } else {
            fields.roles = std::get<std::vector<Role>>(roles);
        }
        for (const auto& field_problem : madoguchi::identity::validate(fields)) {
            if (field_problem.field == "roles" && !roles_valid) continue;
            // Without valid roles, whether a vendor company is needed cannot be told.
            if (field_problem.reason_key == "field.vendor_company_required" && !roles_valid) continue;
            problem(field_problem.field, english(field_problem.reason_key));
        }
        const bool division_valid = madoguchi::identity::is_valid_division_code(fields.division_code);
        if (division_valid && !division_codes.contains(fields.division_code)) {
            problem("division_code", "'" + fields.division_code + "' " + english("field.unknown_division"));
        }
        if (!fields.login.empty()) {
            const auto [first, inserted] = first_line_of.emplace(fields.login, record.line);
            if (!inserted) {
                problem("login", "'" + fields.login + "' appears again (first on line " + std::to_string(first->second) + ")");
                continue;
            }
        }
        if (before && roles_valid && !before->disabled && madoguchi::identity::has_role(before->fields.roles, Role::admin) &&
            !madoguchi::identity::has_role(fields.roles, Role::admin)) {
            --enabled_admins;
            lines_removing_admin.push_back(record.line);
        }
        if (!before) {
            plan.added.push_back({record.line, std::move(fields)});
        } else if (same_fields(before->fields, fields)) {
            ++plan.unchanged;
        } else {
            plan.updated.push_back({record.line, *before, std::move(fields)});
        }
    }
    if (admins_before > 0 && enabled_admins == 0) {
        for (const auto line : lines_removing_admin) {
            plan.problems.push_back({line, "roles", "removes the admin role from the last enabled administrator"});
        }
    }
    std::stable_sort(plan.problems.begin(), plan.problems.end(),
                     [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
    return plan;
}

store::Status apply_user_import(store::Database& database, const UserImportPlan& plan, const audit::Actor& actor,
                                const std::string& source,
                                const std::function<void(std::size_t written, std::size_t total)>& progress) {
    auto batch = UserBatch::prepare(database);
    if (!batch) return store::Error{batch.error()};
    const auto now = calendar::now();
    const auto stamp = calendar::format_iso8601_utc(now);
    const auto total = plan.added.size() + plan.updated.size();
    std::size_t written = 0;
    const auto step = [&] {
        ++written;
        if (progress && (written % 1000 == 0 || written == total)) progress(written, total);
    };
    for (const auto& user : plan.added) {
        auto id = batch.value().insert(user.fields, now);
        if (!id) return store::Error{id.error()};
        const UserRecord record{id.value(), user.fields, false, false, stamp, stamp};
        auto recorded = audit::record(
            database, {actor, "user.created", "user", std::to_string(id.value()), std::nullopt, to_json(record)});
        if (!recorded) return recorded;
        step();
    }
    for (const auto& user : plan.updated) {
        if (auto updated = batch.value().update(user.before.id, user.after, now); !updated) return updated;
        auto after = user.before;
        after.fields = user.after;
        after.fields.login = user.before.fields.login;
        after.updated_at = stamp;
        auto recorded = audit::record(database, {actor, "user.updated", "user", std::to_string(user.before.id),
                                                 to_json(user.before), to_json(after)});
        if (!recorded) return recorded;
        step();
    }
    const nlohmann::json summary{{"source", source},
                                 {"added", plan.added.size()},
                                 {"updated", plan.updated.size()},
                                 {"unchanged", plan.unchanged}};
    return audit::record(database, {actor, "user.imported", "user_import", source, std::nullopt, summary});
}

}  // namespace madoguchi::server::identity
