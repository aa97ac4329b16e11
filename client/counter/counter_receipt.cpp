#include "counter/counter_receipt.hpp"

#include "calendar/tokyo_time.hpp"
#include "inventory/asset_state.hpp"
#include "lending/lending_records.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

std::string joined(const std::vector<std::string>& items, Language language, bool accessories = false) {
    if (items.empty()) return i18n::text("counter.receipt.none", language);
    std::string text;
    for (const auto& item : items) {
        if (!text.empty()) text += language == Language::ja ? "、" : ", ";
        text += accessories ? accessory_name(item, language) : item;
    }
    return text;
}

ReceiptRow row(const char* key, std::string value, Language language) { return {i18n::text(key, language), std::move(value)}; }

}  // namespace

std::string accessory_name(const std::string& name, Language language) {
    const auto key = "inventory.accessory." + name;
    return i18n::has_key(key) ? i18n::text(key, language) : name;
}

ReceiptSheet handover_sheet(const HandoverReceipt& receipt, Language language) {
    ReceiptSheet sheet{i18n::text("counter.receipt.handover_title", language), {}};
    auto person = receipt.person_name.empty() ? receipt.person_login : receipt.person_name + "（" + receipt.person_login + "）";
    auto handed = receipt.handed_at;
    if (const auto instant = calendar::parse_iso8601(receipt.handed_at).instant) handed = format_display_time(*instant, language, false);
    sheet.rows = {row("counter.receipt.request", receipt.request_number, language),
                  row("counter.receipt.borrower", std::move(person), language),
                  row("counter.receipt.devices", class_name(receipt.class_code, language) + " " + joined(receipt.tags, language), language),
                  row("counter.receipt.accessories", joined(receipt.accessories, language, true), language),
                  row("counter.receipt.start", both_calendars(receipt.start, language), language),
                  row("counter.receipt.due", both_calendars(receipt.due, language), language),
                  row("counter.receipt.terms",
                      fill_template(i18n::text("counter.receipt.terms_version", language), {{"n", std::to_string(receipt.terms_version)}}),
                      language),
                  row("counter.receipt.counter", receipt.counter_name, language),
                  row("counter.receipt.operator", receipt.operator_name, language),
                  row("counter.receipt.handed_at", std::move(handed), language)};
    return sheet;
}

ReceiptSheet return_sheet(const ReturnReceipt& receipt, Language language) {
    ReceiptSheet sheet{i18n::text("counter.receipt.return_title", language), {}};
    sheet.rows = {row("counter.receipt.request", receipt.request_number, language),
                  row("counter.receipt.device", receipt.asset_tag, language),
                  row("counter.receipt.inspection", i18n::text("lending.inspection." + receipt.outcome, language), language)};
    if (!receipt.missing_accessories.empty()) {
        sheet.rows.push_back(row("counter.receipt.missing", joined(receipt.missing_accessories, language, true), language));
    }
    if (const auto next = inventory::parse_state(receipt.next_state)) {
        sheet.rows.push_back(row("counter.receipt.next", i18n::text(inventory::state_label_key(*next), language), language));
    }
    if (!receipt.repair_ticket_number.empty()) {
        sheet.rows.push_back(row("counter.receipt.repair_ticket", receipt.repair_ticket_number, language));
    }
    return sheet;
}

}  // namespace madoguchi::client
