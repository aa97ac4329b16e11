#include "telemetry/reading_json.hpp"

namespace madoguchi::server::telemetry {
nlohmann::json json_number(const std::optional<std::int64_t>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::string hex_octets(const std::string& octets) {
    constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    for (const unsigned char octet : octets) {
        hex += digits[octet >> 4];
        hex += digits[octet & 0x0f];
    }
    return hex;
}

nlohmann::json reading_json(const SnmpReading& r, const KindsDue& kinds) {
    nlohmann::json json = nlohmann::json::object();
    if (kinds.contains(SampleKind::status)) {
        auto alerts = nlohmann::json::array();
        for (const auto& a : r.alerts) {
            alerts.push_back({{"index", a.index}, {"severity", json_number(a.severity)}, {"group", json_number(a.group)},
                              {"code", json_number(a.code)}, {"description", a.description}});
        }
        json["sys_uptime"] = json_number(r.sys_uptime);
        json["device_status"] = json_number(r.device_status);
        json["printer_status"] = json_number(r.printer_status);
        json["detected_error_state"] =
            r.detected_error_state ? nlohmann::json(hex_octets(*r.detected_error_state)) : nlohmann::json(nullptr);
        json["alerts"] = alerts;
    }
    if (kinds.contains(SampleKind::supplies)) {
        auto supplies = nlohmann::json::array();
        for (const auto& s : r.supplies) {
            supplies.push_back({{"index", s.index}, {"class", json_number(s.supply_class)}, {"type", json_number(s.type)},
                                {"description", s.description}, {"unit", json_number(s.unit)},
                                {"max_capacity", json_number(s.max_capacity)}, {"level", json_number(s.level)}});
        }
        auto toners = nlohmann::json::array();
        for (const auto& t : r.ricoh_toners) toners.push_back({{"index", t.index}, {"name", t.name}, {"level", json_number(t.level)}});
        json["supplies"] = supplies;
        json["ricoh_toners"] = toners;
    }
    if (kinds.contains(SampleKind::counters)) {
        auto counters = nlohmann::json::array();
        for (const auto& c : r.ricoh_counters) counters.push_back({{"index", c.index}, {"name", c.name}, {"value", json_number(c.value)}});
        json["marker_counter_unit"] = json_number(r.marker_counter_unit);
        json["marker_life_count"] = json_number(r.marker_life_count);
        json["ricoh_counters"] = counters;
    }
    if (kinds.contains(SampleKind::firmware)) {
        json["sys_descr"] = r.sys_descr;
        json["sys_object_id"] = r.sys_object_id;
        json["sys_name"] = r.sys_name;
        json["serial_number"] = r.serial_number;
        json["ricoh_firmware_version"] = r.ricoh_firmware_version;
        json["ricoh_serial_number"] = r.ricoh_serial_number;
    }
    return json;
}

nlohmann::json oddities_json(const std::vector<Oddity>& oddities) {
    auto list = nlohmann::json::array();
    for (const auto& o : oddities) list.push_back({{"code", o.code}, {"oid", o.oid}, {"detail", o.detail}});
    return list;
}

std::string json_text(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::int64_t> integer_member(const nlohmann::json& object, const char* name) {
    const auto found = object.find(name);
    if (found == object.end() || !found->is_number_integer()) return std::nullopt;
    return found->get<std::int64_t>();
}

std::string text_member(const nlohmann::json& object, const char* name) {
    const auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace madoguchi::server::telemetry
