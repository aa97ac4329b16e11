#include "inventory/ledger_columns.hpp"

#include <array>
#include <string>

#include "text/search_fold.hpp"

namespace madoguchi::inventory {
namespace {

constexpr std::array<std::string_view, 3> tag_aliases{"管理番号", "資産管理番号", "tag"};
constexpr std::array<std::string_view, 3> serial_aliases{"シリアル番号", "シリアル", "serial_number"};
constexpr std::array<std::string_view, 2> class_aliases{"分類", "class_code"};
constexpr std::array<std::string_view, 1> maker_aliases{"製造元"};
constexpr std::array<std::string_view, 2> model_aliases{"機種", "型番"};
constexpr std::array<std::string_view, 1> location_aliases{"設置先"};
constexpr std::array<std::string_view, 2> division_aliases{"課室", "division_code"};
constexpr std::array<std::string_view, 3> custodian_aliases{"使用者ID", "ログインID", "custodian_login"};
constexpr std::array<std::string_view, 1> address_aliases{"IPアドレス"};
constexpr std::array<std::string_view, 1> notes_aliases{"メモ"};
constexpr std::array<std::string_view, 1> floor_aliases{"フロア"};
constexpr std::array<std::string_view, 1> room_aliases{"部屋名"};

constexpr std::array device_columns{
    LedgerColumn{"asset_tag", "資産番号", "Asset tag", tag_aliases},
    LedgerColumn{"serial", "製造番号", "Serial", serial_aliases},
    LedgerColumn{"class", "機器分類", "Class", class_aliases},
    LedgerColumn{"maker", "メーカー", "Maker", maker_aliases},
    LedgerColumn{"model", "機種名", "Model", model_aliases},
    LedgerColumn{"state", "状態", "State", {}},
    LedgerColumn{"location", "設置場所", "Location", location_aliases},
    LedgerColumn{"division", "課室コード", "Division", division_aliases},
    LedgerColumn{"division_name", "課室名", "Division name", {}, false},
    LedgerColumn{"custodian", "管理者ログインID", "Custodian", custodian_aliases},
    LedgerColumn{"custodian_name", "管理者名", "Custodian name", {}, false},
    LedgerColumn{"accessories", "付属品", "Accessories", {}},
    LedgerColumn{"network_address", "ネットワークアドレス", "Network address", address_aliases},
    LedgerColumn{"snmp_profile", "SNMPプロファイル", "SNMP profile", {}},
    LedgerColumn{"toner_delivery_address", "トナー配送先", "Toner delivery address", {}},
    LedgerColumn{"toner_contact", "トナー連絡先", "Toner contact", {}},
    LedgerColumn{"contract_start", "契約開始日", "Contract start", {}},
    LedgerColumn{"contract_end", "契約終了日", "Contract end", {}},
    LedgerColumn{"notes", "備考", "Notes", notes_aliases},
};

constexpr std::array model_columns{
    LedgerColumn{"maker", "メーカー", "Maker", maker_aliases},
    LedgerColumn{"name", "機種名", "Model", model_aliases},
    LedgerColumn{"class", "機器分類", "Class", class_aliases},
    LedgerColumn{"consumables", "消耗品", "Consumables", {}},
};

constexpr std::array location_columns{
    LedgerColumn{"building", "建物", "Building", {}},
    LedgerColumn{"floor", "階", "Floor", floor_aliases},
    LedgerColumn{"room", "部屋", "Room", room_aliases},
};

}  // namespace

std::span<const LedgerColumn> ledger_columns(LedgerTable table) {
    switch (table) {
        case LedgerTable::devices: return device_columns;
        case LedgerTable::device_models: return model_columns;
        case LedgerTable::locations: return location_columns;
    }
    return {};
}

const LedgerColumn* find_ledger_column(LedgerTable table, std::string_view header) {
    const std::string wanted = text::fold_for_search(header);
    if (wanted.empty()) return nullptr;
    for (const auto& column : ledger_columns(table)) {
        if (text::fold_for_search(column.header_ja) == wanted || text::fold_for_search(column.header_en) == wanted ||
            text::fold_for_search(column.key) == wanted)
            return &column;
        for (const auto alias : column.aliases)
            if (text::fold_for_search(alias) == wanted) return &column;
    }
    return nullptr;
}

}  // namespace madoguchi::inventory
