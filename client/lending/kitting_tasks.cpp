#include "lending/kitting_tasks.hpp"

#include <algorithm>

#include "api/form_errors.hpp"
#include "api/query_string.hpp"
#include "lending/kitting_checklist.hpp"
#include "lending/lending_records.hpp"

namespace madoguchi::client {
namespace {

using Refusal = lending::KittingRefusal;

bool flag(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_boolean() && found->get<bool>();
}

// The refusal the server named in English (its fields carry the catalog text of
// lending.kitting.refusal.*), in `language`; empty when it is none of them.
std::string refusal_text(const api::ApiError& error, i18n::Language language) {
    constexpr Refusal refusals[] = {Refusal::unknown_item, Refusal::already_done, Refusal::not_done,
                                    Refusal::master_version_required, Refusal::master_version_not_current,
                                    Refusal::invalid_note};
    for (const auto& [field, english] : error.fields) {
        for (const auto refusal : refusals) {
            const auto key = lending::refusal_label_key(refusal);
            if (i18n::text(key, i18n::Language::en) == english) return i18n::text(key, language);
        }
    }
    return {};
}

std::string task_path(std::int64_t id) { return "/api/v1/lending/kitting-tasks/" + std::to_string(id); }

}  // namespace

int KittingTaskRecord::done_count() const {
    return static_cast<int>(std::count_if(items.begin(), items.end(), [](const KittingItem& item) { return item.done; }));
}

bool KittingTaskRecord::needs_master() const {
    return std::any_of(items.begin(), items.end(), [](const KittingItem& item) { return item.step == "master_image"; });
}

std::optional<KittingTaskRecord> kitting_task_from_json(const nlohmann::json& task) {
    if (!task.is_object() || integer_field(task, "id") <= 0 || !task.contains("items") || !task["items"].is_array()) {
        return std::nullopt;
    }
    KittingTaskRecord record;
    record.id = integer_field(task, "id");
    record.asset_tag = string_field(task, "asset_tag");
    record.kind = string_field(task, "kind");
    record.request_number = string_field(task, "request_number");
    record.class_code = string_field(task, "class");
    record.state = string_field(task, "state");
    for (const auto& entry : task["items"]) {
        if (!entry.is_object() || string_field(entry, "key").empty()) continue;
        KittingItem item;
        item.key = string_field(entry, "key");
        item.label_key = string_field(entry, "label_key");
        item.step = string_field(entry, "step");
        item.required = flag(entry, "required");
        item.accessory = string_field(entry, "accessory");
        item.done = flag(entry, "done");
        item.done_by = string_field(entry, "done_by");
        item.done_at = string_field(entry, "done_at");
        item.note = string_field(entry, "note");
        record.items.push_back(std::move(item));
    }
    if (const auto found = task.find("master_image_version"); found != task.end() && found->is_number_integer()) {
        record.master_image_version = found->get<int>();
    }
    record.complete = flag(task, "complete");
    record.version = integer_field(task, "version");
    record.created_at = string_field(task, "created_at");
    record.done_at = string_field(task, "done_at");
    return record;
}

std::optional<std::vector<KittingTaskRecord>> kitting_tasks_from_body(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("kitting_tasks") || !document["kitting_tasks"].is_array()) {
        return std::nullopt;
    }
    std::vector<KittingTaskRecord> tasks;
    for (const auto& item : document["kitting_tasks"]) {
        if (auto task = kitting_task_from_json(item)) tasks.push_back(std::move(*task));
    }
    std::stable_sort(tasks.begin(), tasks.end(), [](const KittingTaskRecord& a, const KittingTaskRecord& b) {
        if ((a.state == "open") != (b.state == "open")) return a.state == "open";
        return a.id > b.id;
    });
    return tasks;
}

std::string kitting_item_text(const KittingItem& item, i18n::Language language) {
    std::string text = i18n::has_key(item.label_key) ? i18n::text(item.label_key, language) : item.key;
    if (!item.accessory.empty()) text += (language == i18n::Language::ja ? "：" : ": ") + item.accessory;
    return text;
}

KittingTasks::KittingTasks(i18n::Language language)
    : language_(language),
      table_({{"lending_desk.kitting.column.tag", 9.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return rows_[row].asset_tag; }},
              {"lending_desk.kitting.column.for", 9.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   return rows_[row].kind == "loan" ? rows_[row].request_number
                                                    : i18n::text("lending_desk.kitting.rekitting", language_);
               }},
              {"lending_desk.kitting.column.class", 9.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return class_name(rows_[row].class_code, language_); }},
              {"lending_desk.kitting.column.progress", 5.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) {
                   return std::to_string(rows_[row].done_count()) + "/" + std::to_string(rows_[row].items.size());
               },
               [this](std::size_t row) { return static_cast<double>(rows_[row].done_count()); }},
              {"lending_desk.kitting.column.state", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return i18n::text("lending_desk.kitting.state." + rows_[row].state, language_); }}},
             0) {}

void KittingTasks::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

void KittingTasks::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    api.get("/api/v1/lending/kitting-tasks", [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept(result);
    });
}

void KittingTasks::accept(const ApiResult& result) {
    auto tasks = result.ok() ? kitting_tasks_from_body(result.body) : std::nullopt;
    if (!tasks) {
        error_ = result.ok() ? api::make_error("internal") : result.error;
        state_ = State::failed;
        return;
    }
    rows_ = std::move(*tasks);
    table_.set_rows(rows_.size());
    error_ = {};
    state_ = State::loaded;
}

void KittingTasks::open(std::int64_t id) {
    if (opened_ == id) return;
    opened_ = id;
    master_version.clear();
    version_missing_ = false;
    change_error_ = {};
}

const KittingTaskRecord* KittingTasks::opened() const {
    if (!opened_) return nullptr;
    const auto found = std::find_if(rows_.begin(), rows_.end(), [&](const KittingTaskRecord& row) { return row.id == *opened_; });
    return found == rows_.end() ? nullptr : &*found;
}

bool KittingTasks::tick(ApiClient& api, const std::string& key) {
    const auto* task = opened();
    if (task == nullptr || changing_) return false;
    nlohmann::json body{{"key", key}, {"version", task->version}};
    const auto item = std::find_if(task->items.begin(), task->items.end(), [&](const KittingItem& i) { return i.key == key; });
    version_missing_ = false;
    if (item != task->items.end() && item->step == "master_image") {
        const auto trimmed = master_version.find_first_not_of(' ') == std::string::npos ? std::string() : master_version;
        const bool digits = !trimmed.empty() && trimmed.size() <= 6 &&
                            std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= '0' && c <= '9'; });
        version_missing_ = !digits;
        if (version_missing_) return false;
        body["master_image_version"] = std::stoi(trimmed);
    }
    send_change(api, {"POST", task_path(task->id) + "/ticks", body.dump(), {}});
    return true;
}

bool KittingTasks::untick(ApiClient& api, const std::string& key) {
    const auto* task = opened();
    if (task == nullptr || changing_) return false;
    version_missing_ = false;
    send_change(api, {"DELETE", task_path(task->id) + "/ticks/" + percent_encode(key) + "?version=" + std::to_string(task->version), {}, {}});
    return true;
}

void KittingTasks::send_change(ApiClient& api, HttpRequest request) {
    changing_ = true;
    change_error_ = {};
    api.send(std::move(request), [this](const ApiResult& result) { accept_change(result); });
}

void KittingTasks::accept_change(const ApiResult& result) {
    changing_ = false;
    const auto body = nlohmann::json::parse(result.body, nullptr, false);
    // A stale version answers the task as it is now: show that one.
    const auto task = body.is_object() ? kitting_task_from_json(body.value("kitting_task", nlohmann::json())) : std::nullopt;
    if (!result.ok()) change_error_ = result.error;
    if (!task) {
        if (result.ok()) change_error_ = api::make_error("internal");
        return;
    }
    const auto* before = opened();
    const bool was_open = before != nullptr && before->id == task->id && before->state == "open";
    put(*task);
    if (result.ok() && was_open && task->state == "done") finished_ = task->asset_tag;
}

void KittingTasks::put(const KittingTaskRecord& task) {
    const auto found = std::find_if(rows_.begin(), rows_.end(), [&](const KittingTaskRecord& row) { return row.id == task.id; });
    if (found == rows_.end()) return;
    *found = task;
    table_.contents_changed();
}

std::string KittingTasks::change_error(i18n::Language language) const {
    if (version_missing_) return i18n::text(lending::refusal_label_key(Refusal::master_version_required), language);
    if (change_error_.code.empty()) return {};
    if (auto refusal = refusal_text(change_error_, language); !refusal.empty()) return refusal;
    return error_text(change_error_, language);
}

}  // namespace madoguchi::client
