#pragma once
// Prints the counter's receipts through the browser's print dialog: the sheets are written as
// plain HTML text into a print-only element (assets/web/app.css shows it, and hides the
// canvas, on paper) and window.print() opens the dialog.
#include <vector>

#include "counter/counter_receipt.hpp"

namespace madoguchi::client {

void print_sheets(const std::vector<ReceiptSheet>& sheets);

}  // namespace madoguchi::client
