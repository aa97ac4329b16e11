#include "telemetry/reading_builder.hpp"

#include <algorithm>
#include <array>

namespace madoguchi::server::telemetry {
namespace {

const Oid sys_descr = parse_oid("1.3.6.1.2.1.1.1.0");
const Oid sys_object_id = parse_oid("1.3.6.1.2.1.1.2.0");
const Oid sys_uptime = parse_oid("1.3.6.1.2.1.1.3.0");
const Oid sys_name = parse_oid("1.3.6.1.2.1.1.5.0");
const Oid serial_number = parse_oid("1.3.6.1.2.1.43.5.1.1.17.1");
const Oid counter_unit = parse_oid("1.3.6.1.2.1.43.10.2.1.3.1.1");
const Oid life_count = parse_oid("1.3.6.1.2.1.43.10.2.1.4.1.1");
const Oid device_status = parse_oid("1.3.6.1.2.1.25.3.2.1.5.1");
const Oid printer_status = parse_oid("1.3.6.1.2.1.25.3.5.1.1.1");
const Oid error_state = parse_oid("1.3.6.1.2.1.25.3.5.1.2.1");
const Oid ricoh_firmware = parse_oid("1.3.6.1.4.1.367.3.2.1.1.1.2.0");
const Oid ricoh_serial = parse_oid("1.3.6.1.4.1.367.3.2.1.2.1.4.0");

const Oid supplies_table = parse_oid("1.3.6.1.2.1.43.11.1.1");
const Oid alert_table = parse_oid("1.3.6.1.2.1.43.18.1.1");
const Oid ricoh_counter_table = parse_oid("1.3.6.1.4.1.367.3.2.1.2.19.5.1");
const Oid ricoh_toner_table = parse_oid("1.3.6.1.4.1.367.3.2.1.2.24.1.1");

struct KindOf {
    const Oid* oid;
    SampleKind kind;
};
const std::array scalars{KindOf{&sys_descr, SampleKind::firmware}, KindOf{&sys_object_id, SampleKind::firmware},
                         KindOf{&sys_uptime, SampleKind::status}, KindOf{&sys_name, SampleKind::firmware},
                         KindOf{&serial_number, SampleKind::firmware}, KindOf{&counter_unit, SampleKind::counters},
                         KindOf{&life_count, SampleKind::counters}, KindOf{&device_status, SampleKind::status},
                         KindOf{&printer_status, SampleKind::status}, KindOf{&error_state, SampleKind::status},
                         KindOf{&ricoh_firmware, SampleKind::firmware}, KindOf{&ricoh_serial, SampleKind::firmware}};
const std::array tables{KindOf{&supplies_table, SampleKind::supplies}, KindOf{&alert_table, SampleKind::status},
                        KindOf{&ricoh_counter_table, SampleKind::counters}, KindOf{&ricoh_toner_table, SampleKind::supplies}};

template <std::size_t size>
std::vector<Oid> of_kinds(const std::array<KindOf, size>& list, const KindsDue& kinds) {
    std::vector<Oid> chosen;
    for (const auto& entry : list) {
        if (kinds.contains(entry.kind)) chosen.push_back(*entry.oid);
    }
    return chosen;
}

template <class Row>
Row* row_of(std::vector<Row>& rows, std::uint32_t index) {
    const auto found = std::find_if(rows.begin(), rows.end(), [&](const Row& row) { return row.index == index; });
    if (found != rows.end()) return &*found;
    if (rows.size() >= max_table_rows) return nullptr;
    rows.push_back(Row{});
    rows.back().index = index;
    return &rows.back();
}

bool is_exception(ValueKind kind) {
    return kind == ValueKind::no_such_object || kind == ValueKind::no_such_instance || kind == ValueKind::end_of_mib_view;
}

}  // namespace

std::vector<Oid> polled_scalars(const KindsDue& kinds) { return of_kinds(scalars, kinds); }
std::vector<Oid> polled_tables(const KindsDue& kinds) { return of_kinds(tables, kinds); }

void ReadingBuilder::note(std::string code, const Oid& oid, std::string detail) {
    const auto same_code = [&](const Oddity& oddity) { return oddity.code == code && oddity.oid == oid_text(oid); };
    if (std::none_of(oddities_.begin(), oddities_.end(), same_code)) {
        oddities_.push_back(Oddity{std::move(code), oid_text(oid), std::move(detail)});
    }
}

std::optional<std::int64_t> ReadingBuilder::integer(const VarBind& bind, bool counter) {
    const auto kind = bind.value.kind;
    if (kind != ValueKind::integer && kind != ValueKind::counter && kind != ValueKind::counter64) {
        note("wrong_type", bind.oid, "a number was expected");
        return std::nullopt;
    }
    if (counter && bind.value.number < 0) {
        note("negative_counter", bind.oid, std::to_string(bind.value.number));
        return std::nullopt;
    }
    return bind.value.number;
}

std::optional<std::string> ReadingBuilder::octets(const VarBind& bind) {
    if (bind.value.kind != ValueKind::octets) {
        note("wrong_type", bind.oid, "an octet string was expected");
        return std::nullopt;
    }
    if (bind.value.full_length > max_octets) {
        note("string_too_long", bind.oid, std::to_string(bind.value.full_length) + " octets, kept " +
                                              std::to_string(std::min(bind.value.octets.size(), max_octets)));
    }
    return bind.value.octets.substr(0, max_octets);
}

void ReadingBuilder::scalar(const Oid& requested, const VarBind& bind) {
    if (bind.oid != requested) return;
    if (is_exception(bind.value.kind)) {
        note("no_such_object", bind.oid);
        return;
    }
    auto& r = reading_;
    const auto text = [&](std::string& field) {
        if (auto value = octets(bind)) field = std::move(*value);
    };
    if (requested == sys_descr) text(r.sys_descr);
    else if (requested == sys_name) text(r.sys_name);
    else if (requested == serial_number) text(r.serial_number);
    else if (requested == ricoh_firmware) text(r.ricoh_firmware_version);
    else if (requested == ricoh_serial) text(r.ricoh_serial_number);
    else if (requested == error_state) r.detected_error_state = octets(bind);
    else if (requested == sys_object_id) {
        if (bind.value.kind == ValueKind::object_id) r.sys_object_id = oid_text(bind.value.object_id);
        else note("wrong_type", bind.oid, "an object identifier was expected");
    } else if (requested == sys_uptime) r.sys_uptime = integer(bind, true);
    else if (requested == counter_unit) r.marker_counter_unit = integer(bind, false);
    else if (requested == life_count) r.marker_life_count = integer(bind, true);
    else if (requested == device_status) r.device_status = integer(bind, false);
    else if (requested == printer_status) r.printer_status = integer(bind, false);
}

void ReadingBuilder::table_cell(const Oid& table, const VarBind& bind) {
    if (is_exception(bind.value.kind)) {
        note("no_such_object", bind.oid);
        return;
    }
    // Printer-MIB tables: <table>.<column>.<hrDeviceIndex>.<index>; Ricoh's: <table>.<column>.<index>.
    const bool printer_mib = table == supplies_table || table == alert_table;
    const auto arcs = bind.oid.size() - table.size();
    if (arcs != (printer_mib ? 3u : 2u)) {
        note("unexpected_oid", bind.oid);
        return;
    }
    const auto column = bind.oid[table.size()];
    const auto index = bind.oid.back();
    auto& r = reading_;
    const auto full = [&] { note("table_too_long", table, std::to_string(max_table_rows) + " rows kept"); };
    if (table == supplies_table) {
        auto* row = row_of(r.supplies, index);
        if (row == nullptr) return full();
        if (column == 4) row->supply_class = integer(bind, false);
        else if (column == 5) row->type = integer(bind, false);
        else if (column == 6) row->description = octets(bind).value_or("");
        else if (column == 7) row->unit = integer(bind, false);
        else if (column == 8) row->max_capacity = integer(bind, false);
        else if (column == 9) row->level = integer(bind, false);
    } else if (table == alert_table) {
        auto* row = row_of(r.alerts, index);
        if (row == nullptr) return full();
        if (column == 2) row->severity = integer(bind, false);
        else if (column == 4) row->group = integer(bind, false);
        else if (column == 7) row->code = integer(bind, false);
        else if (column == 8) row->description = octets(bind).value_or("");
    } else if (table == ricoh_counter_table) {
        if (column != 5 && column != 9) return;
        auto* row = row_of(r.ricoh_counters, index);
        if (row == nullptr) return full();
        if (column == 5) row->name = octets(bind).value_or("");
        else row->value = integer(bind, true);
    } else if (table == ricoh_toner_table) {
        if (column != 2 && column != 5) return;
        auto* row = row_of(r.ricoh_toners, index);
        if (row == nullptr) return full();
        if (column == 2) row->name = octets(bind).value_or("");
        else row->level = integer(bind, false);
    }
}

}  // namespace madoguchi::server::telemetry
