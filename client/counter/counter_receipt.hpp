#pragma once
// The counter's receipts as rows of label and value, the same on screen and on paper: 貸出票
// (tags, the due date in both calendars, the terms version, counter and operator) and 返却票
// (the inspection's outcome and where the device goes next).
#include <string>
#include <vector>

#include "counter/counter_records.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

struct ReceiptRow {
    std::string label;
    std::string value;
};

struct ReceiptSheet {
    std::string title;
    std::vector<ReceiptRow> rows;
};

ReceiptSheet handover_sheet(const HandoverReceipt& receipt, i18n::Language language);
ReceiptSheet return_sheet(const ReturnReceipt& receipt, i18n::Language language);
// An accessory's name: a class's standard one ("mouse") from the catalog, any other as written.
std::string accessory_name(const std::string& name, i18n::Language language);

}  // namespace madoguchi::client
