#include "inventory/device_json_text.hpp"

#include <nlohmann/json.hpp>
#include <string_view>

#include "calendar/tokyo_time.hpp"

namespace madoguchi::server::inventory {
namespace {

// Whether `text` is well-formed UTF-8 (RFC 3629), as nlohmann's serializer checks it.
bool is_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    for (std::size_t i = 0; i < size;) {
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;  // the allowed range of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) low = 0xA0;   // no overlong forms
            if (lead == 0xED) high = 0x9F;  // no surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) low = 0x90;
            if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
        } else {
            return false;
        }
        if (i + length > size || bytes[i + 1] < low || bytes[i + 1] > high) return false;
        for (std::size_t k = 2; k < length; ++k) {
            if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) return false;
        }
        i += length;
    }
    return true;
}

// A JSON string as nlohmann writes it with ensure_ascii off: quote, backslash and the C0
// controls escaped, everything else as it is. Invalid UTF-8 (rare: values are validated) is
// left to nlohmann, whose replacement the audit trail uses.
void append_string(std::string& out, std::string_view text) {
    if (!is_utf8(text)) {
        out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += "\\u00";
                    out += hex[(c >> 4) & 0x0F];
                    out += hex[c & 0x0F];
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

// `"name":` with the comma before every member but the first.
void member(std::string& out, std::string_view name) {
    out += out.size() > 1 ? ",\"" : "\"";
    out.append(name).append("\":");
}

void string_member(std::string& out, std::string_view name, std::string_view value) {
    member(out, name);
    append_string(out, value);
}

// Ids 0 stand for none (no model, no location): null, as to_json(asset) writes them.
void id_member(std::string& out, std::string_view name, std::int64_t id) {
    member(out, name);
    out += id == 0 ? std::string("null") : std::to_string(id);
}

void date_member(std::string& out, std::string_view name, const std::optional<calendar::Date>& date) {
    member(out, name);
    if (date) {
        append_string(out, calendar::format_date(*date));
    } else {
        out += "null";
    }
}

}  // namespace

std::string device_json_text(const DeviceRow& row) {
    const auto& asset = row.asset;
    const auto& f = asset.fields;
    std::string out;
    out.reserve(640 + f.notes.size() + row.location_name.size() + row.model_name.size());
    out += '{';
    member(out, "accessories");
    out += '[';
    for (std::size_t index = 0; index < f.accessories.size(); ++index) {
        if (index > 0) out += ',';
        append_string(out, f.accessories[index]);
    }
    out += ']';
    string_member(out, "asset_tag", f.asset_tag);
    string_member(out, "class", f.class_code);
    date_member(out, "contract_end", f.contract_end);
    date_member(out, "contract_start", f.contract_start);
    string_member(out, "custodian_login", f.custodian_login);
    string_member(out, "custodian_name", row.custodian_name);
    string_member(out, "custodian_name_kana", row.custodian_name_kana);
    string_member(out, "division_code", f.division_code);
    string_member(out, "division_name", row.division_name);
    member(out, "id");
    out += std::to_string(asset.id);
    id_member(out, "location_id", f.location_id);
    string_member(out, "location_name", row.location_name);
    id_member(out, "model_id", f.model_id);
    string_member(out, "model_name", row.model_name);
    string_member(out, "network_address", f.network_address);
    string_member(out, "notes", f.notes);
    string_member(out, "serial", f.serial);
    string_member(out, "snmp_profile", f.snmp_profile);
    string_member(out, "state", madoguchi::inventory::state_name(asset.state));
    string_member(out, "toner_contact", f.toner_contact);
    string_member(out, "toner_delivery_address", f.toner_delivery_address);
    string_member(out, "updated_at", asset.updated_at);
    member(out, "version");
    out += std::to_string(asset.version);
    out += '}';
    return out;
}

}  // namespace madoguchi::server::inventory
