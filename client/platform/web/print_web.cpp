#include "platform/web/print_web.hpp"

#include <emscripten.h>

#include <nlohmann/json.hpp>

namespace madoguchi::client {
namespace {

// Text goes in as textContent, never as markup. What was printed is also listed in
// window.madoguchi.printed for tests and monitoring.
EM_JS(void, madoguchi_print, (const char* sheets_json), {
    const sheets = JSON.parse(UTF8ToString(sheets_json));
    let area = document.getElementById("print-sheets");
    if (!area) {
        area = document.createElement("div");
        area.id = "print-sheets";
        document.body.appendChild(area);
    }
    area.replaceChildren();
    sheets.forEach(function(sheet) {
        const section = document.createElement("section");
        const title = document.createElement("h1");
        title.textContent = sheet.title;
        section.appendChild(title);
        const table = document.createElement("table");
        sheet.rows.forEach(function(row) {
            const line = table.insertRow();
            const label = document.createElement("th");
            label.textContent = row[0];
            line.appendChild(label);
            line.insertCell().textContent = row[1];
        });
        section.appendChild(table);
        area.appendChild(section);
    });
    (window.madoguchi.printed = window.madoguchi.printed || []).push(area.innerText);
    window.print();
});

}  // namespace

void print_sheets(const std::vector<ReceiptSheet>& sheets) {
    auto list = nlohmann::json::array();
    for (const auto& sheet : sheets) {
        auto rows = nlohmann::json::array();
        for (const auto& row : sheet.rows) rows.push_back({row.label, row.value});
        list.push_back({{"title", sheet.title}, {"rows", rows}});
    }
    madoguchi_print(list.dump().c_str());
}

}  // namespace madoguchi::client
