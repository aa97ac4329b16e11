#include "inventory/fleet.hpp"

#include <algorithm>

#include "api/form_errors.hpp"
#include "api/query_string.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

// The server's joined-in name, or what the catalogs know when the answer had none.
std::string or_else(const std::string& name, const std::string& fallback) { return name.empty() ? fallback : name; }

}  // namespace

std::string devices_path(int limit, const std::string& cursor) {
    return with_query("/api/v1/devices", {{"limit", std::to_string(limit)}, {"cursor", cursor}});
}

Fleet::Fleet(const InventoryCatalogs& catalogs, i18n::Language language)
    : catalogs_(catalogs),
      language_(language),
      table_(
          {
              {"inventory.column.tag", 8.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return devices_[row].asset.fields.asset_tag; }},
              {"inventory.column.class", 9.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return catalogs_.class_label(devices_[row].asset.fields.class_code, language_); }},
              {"inventory.column.model", 10.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   const auto& device = devices_[row];
                   return or_else(device.model_name, catalogs_.model_label(device.asset.fields.model_id));
               }},
              {"inventory.column.state", 6.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return i18n::text(inventory::state_label_key(devices_[row].asset.state), language_); }},
              {"inventory.column.location", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   const auto& device = devices_[row];
                   return or_else(device.location_name, catalogs_.location_label(device.asset.fields.location_id));
               }},
              {"inventory.column.division", 9.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   const auto& device = devices_[row];
                   return or_else(device.division_name, device.asset.fields.division_code);
               }},
              {"inventory.column.custodian", 8.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   const auto& device = devices_[row];
                   return or_else(device.custodian_name, device.asset.fields.custodian_login);
               },
               {},
               {},
               // Staff are found by their reading too (やまだ finds 山田 花子), and by login.
               [this](std::size_t row) {
                   const auto& device = devices_[row];
                   return device.custodian_name + ' ' + device.custodian_name_kana + ' ' + device.asset.fields.custodian_login;
               }},
          },
          0, [this](std::size_t row) { return devices_[row].asset.fields.asset_tag; }) {}

void Fleet::reload(ApiClient& api) {
    ++generation_;
    devices_.clear();
    table_.set_rows(0);
    total_ = 0;
    error_.clear();
    state_ = State::loading;
    progress_.start();
    request_page(api, {});
}

void Fleet::request_page(ApiClient& api, const std::string& cursor) {
    api.get(devices_path(page_size, cursor), [this, &api, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;  // a newer load started meanwhile
        if (!result.ok()) {
            fail(client::error_text(result.error, language_));
            return;
        }
        const auto next = accept_page(result.body);
        if (!next.empty()) request_page(api, next);
    });
}

void Fleet::fail(std::string message) {
    state_ = State::failed;
    error_ = std::move(message);
    progress_.fail("inventory.load_failed");
}

std::string Fleet::accept_page(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("devices") || !document["devices"].is_array()) {
        fail(i18n::text("inventory.load_failed", language_));
        return {};
    }
    if (const auto total = document.find("total"); total != document.end() && total->is_number_integer()) {
        total_ = total->get<std::int64_t>();
    }
    for (const auto& item : document["devices"]) {
        if (auto device = device_row_from_json(item)) devices_.push_back(std::move(*device));
    }
    // The rows read so far keep their place: a device opened meanwhile stays open.
    table_.add_rows(devices_.size());
    std::string next;
    if (const auto cursor = document.find("next_cursor"); cursor != document.end() && cursor->is_string()) {
        next = cursor->get<std::string>();
    }
    // A page without devices ends the load even if it names a cursor: no endless loop.
    if (document["devices"].empty()) next.clear();
    if (!progress_.running()) progress_.start();
    progress_.advance(static_cast<int>(devices_.size()), static_cast<int>(std::max<std::int64_t>(total_, 1)));
    if (next.empty()) {
        state_ = State::loaded;
        progress_.finish();
    } else {
        state_ = State::loading;
    }
    return next;
}

std::string Fleet::progress_text(i18n::Language language) const {
    return fill_template(i18n::text("inventory.fleet.loading", language),
                         {{"loaded", std::to_string(devices_.size())}, {"total", std::to_string(total_)}});
}

void Fleet::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

const DeviceRow* Fleet::current() const {
    const auto row = table_.current_row();
    return row && *row < devices_.size() ? &devices_[*row] : nullptr;
}

void Fleet::put(const DeviceRow& device) {
    const auto found = std::find_if(devices_.begin(), devices_.end(),
                                    [&](const DeviceRow& row) { return row.asset.id == device.asset.id; });
    if (found != devices_.end()) {
        *found = device;
        table_.contents_changed();
        return;
    }
    devices_.push_back(device);
    ++total_;
    table_.set_rows(devices_.size());
}

void Fleet::focus(std::int64_t id) {
    const auto& visible = table_.visible_rows();
    for (std::size_t position = 0; position < visible.size(); ++position) {
        if (devices_[visible[position]].asset.id == id) {
            table_.click(position, {});
            return;
        }
    }
}

}  // namespace madoguchi::client
