#include "admin/user_list.hpp"

#include <algorithm>

#include "api/form_errors.hpp"
#include "api/query_string.hpp"

namespace madoguchi::client {

std::string users_path(const UserFilters& filters, int limit, int offset) {
    const auto roles = identity::all_roles();
    std::string role;
    if (filters.role >= 0 && static_cast<std::size_t>(filters.role) < roles.size()) {
        role = identity::role_name(roles[static_cast<std::size_t>(filters.role)]);
    }
    std::string disabled;
    if (filters.status == UserFilters::Status::enabled) disabled = "false";
    if (filters.status == UserFilters::Status::disabled) disabled = "true";
    return with_query("/api/v1/users", {{"q", filters.text},
                                        {"role", role},
                                        {"division", filters.division},
                                        {"disabled", disabled},
                                        {"limit", std::to_string(limit)},
                                        {"offset", std::to_string(offset)}});
}

UserList::UserList(const Divisions& divisions, i18n::Language language)
    : divisions_(divisions),
      language_(language),
      table_(
          {
              {"admin.column.login", 10.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return users_[row].fields.login; }},
              {"admin.column.name", 10.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return users_[row].fields.name; }},
              {"admin.column.division", 12.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return divisions_.name_of(users_[row].fields.division_code, language_); }},
              {"admin.column.roles", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return roles_text(users_[row]); }},
              {"admin.column.status", 6.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   return i18n::text(users_[row].disabled ? "admin.status.disabled" : "admin.status.enabled", language_);
               }},
          },
          0, [this](std::size_t row) { return users_[row].fields.login; }) {}

void UserList::reload(ApiClient& api) {
    ++generation_;
    loaded_filters_ = filters_;
    users_.clear();
    table_.set_rows(0);
    total_ = 0;
    error_.clear();
    state_ = State::loading;
    progress_.start();
    request_page(api, 0);
}

void UserList::request_page(ApiClient& api, int offset) {
    api.get(users_path(filters_, page_size, offset), [this, &api, offset, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;  // the filters changed meanwhile
        if (!result.ok()) {
            state_ = State::failed;
            error_ = client::error_text(result.error, language_);
            progress_.fail("admin.load_failed");
            return;
        }
        if (accept_page(result.body, offset)) request_page(api, offset + page_size);
    });
}

bool UserList::accept_page(const std::string& body, int offset) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("users") || !document["users"].is_array()) {
        state_ = State::failed;
        error_ = i18n::text("admin.load_failed", language_);
        progress_.fail("admin.load_failed");
        return false;
    }
    if (offset == 0) state_ = State::loading;
    total_ = document.value("total", nlohmann::json(0)).is_number_integer() ? document["total"].get<std::int64_t>() : 0;
    std::size_t received = 0;
    for (const auto& item : document["users"]) {
        if (auto user = user_record_from_json(item)) users_.push_back(std::move(*user));
        ++received;
    }
    table_.set_rows(users_.size());
    const bool more = received > 0 && static_cast<std::int64_t>(offset) + static_cast<std::int64_t>(received) < total_;
    if (!progress_.running()) progress_.start();
    progress_.advance(static_cast<int>(users_.size()), static_cast<int>(std::max<std::int64_t>(total_, 1)));
    if (!more) {
        state_ = State::loaded;
        progress_.finish();
    }
    return more;
}

void UserList::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

const UserRecord* UserList::current() const {
    const auto row = table_.current_row();
    return row && *row < users_.size() ? &users_[*row] : nullptr;
}

void UserList::put(const UserRecord& user) {
    const auto found = std::find_if(users_.begin(), users_.end(), [&](const UserRecord& u) { return u.id == user.id; });
    if (found != users_.end()) {
        *found = user;
        table_.contents_changed();
        return;
    }
    users_.push_back(user);
    ++total_;
    table_.set_rows(users_.size());
}

void UserList::focus(std::int64_t id) {
    const auto& visible = table_.visible_rows();
    for (std::size_t position = 0; position < visible.size(); ++position) {
        if (users_[visible[position]].id == id) {
            table_.click(position, {});
            return;
        }
    }
}

std::string UserList::roles_text(const UserRecord& user) const {
    std::string text;
    for (const auto role : user.fields.roles) {
        if (!text.empty()) text += language_ == i18n::Language::ja ? "、" : ", ";
        text += i18n::text(identity::role_label_key(role), language_);
    }
    return text;
}

}  // namespace madoguchi::client
