#include "inventory/demo_fleet.hpp"

#include <array>
#include <string>
#include <vector>

#include "identity/user_store.hpp"
#include "inventory/catalog_store.hpp"
#include "inventory/device_class.hpp"
#include "inventory/device_history.hpp"
#include "inventory/device_store.hpp"

namespace madoguchi::server::inventory {
namespace {

namespace domain = madoguchi::inventory;
using domain::AssetState;

// splitmix64: small, fast, and the same on every machine.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t bound) { return static_cast<std::size_t>(next() % bound); }

private:
    std::uint64_t state_;
};

struct Name {
    const char* kanji;
    const char* kana;
};

constexpr std::array<Name, 30> family_names{{
    {"佐藤", "サトウ"}, {"鈴木", "スズキ"}, {"高橋", "タカハシ"}, {"田中", "タナカ"}, {"伊藤", "イトウ"},
    {"渡辺", "ワタナベ"}, {"山本", "ヤマモト"}, {"中村", "ナカムラ"}, {"小林", "コバヤシ"}, {"加藤", "カトウ"},
    {"吉田", "ヨシダ"}, {"山田", "ヤマダ"}, {"佐々木", "ササキ"}, {"山口", "ヤマグチ"}, {"松本", "マツモト"},
    {"井上", "イノウエ"}, {"木村", "キムラ"}, {"林", "ハヤシ"}, {"斎藤", "サイトウ"}, {"清水", "シミズ"},
    {"山崎", "ヤマザキ"}, {"森", "モリ"}, {"池田", "イケダ"}, {"橋本", "ハシモト"}, {"阿部", "アベ"},
    {"石川", "イシカワ"}, {"山下", "ヤマシタ"}, {"中島", "ナカジマ"}, {"小川", "オガワ"}, {"前田", "マエダ"},
}};

constexpr std::array<Name, 30> given_names{{
    {"太郎", "タロウ"}, {"花子", "ハナコ"}, {"一郎", "イチロウ"}, {"美咲", "ミサキ"}, {"健二", "ケンジ"},
    {"由紀", "ユキ"}, {"大輔", "ダイスケ"}, {"直子", "ナオコ"}, {"翔太", "ショウタ"}, {"陽子", "ヨウコ"},
    {"誠", "マコト"}, {"愛", "アイ"}, {"拓也", "タクヤ"}, {"恵", "メグミ"}, {"剛", "タケシ"},
    {"真由美", "マユミ"}, {"聡", "サトシ"}, {"彩", "アヤ"}, {"浩", "ヒロシ"}, {"智子", "トモコ"},
    {"淳", "ジュン"}, {"理恵", "リエ"}, {"亮", "リョウ"}, {"さくら", "サクラ"}, {"学", "マナブ"},
    {"千尋", "チヒロ"}, {"修", "オサム"}, {"麻衣", "マイ"}, {"隆", "タカシ"}, {"結衣", "ユイ"},
}};

// Where staff sit: the demo divisions (identity/demo_organisation.cpp) that hold people.
constexpr std::array<const char*, 18> staff_divisions{
    "MIN-SOM", "MIN-JIN", "MIN-KAI", "MIN-JOH", "ECO-SOM", "ECO-SAN", "TRD-SOM", "TRD-ASI", "MFG-SOM",
    "MFG-KIK", "JPO-SOM", "JPO-SHI", "JPO-SHP", "REG-KTO", "REG-CBU", "REG-KKI", "REG-KYU", "JPO-SHI"};

struct Building {
    const char* name;
    int floors;
    int network;  // second octet of its printers' addresses
};

constexpr std::array<Building, 7> buildings{{
    {"経済産業省 本館", 17, 20},
    {"経済産業省 別館", 11, 21},
    {"特許庁庁舎", 16, 30},
    {"関東経済産業局（さいたま新都心合同庁舎1号館）", 6, 40},
    {"中部経済産業局（名古屋合同庁舎第1号館）", 5, 41},
    {"近畿経済産業局（大阪合同庁舎1号館）", 5, 42},
    {"九州経済産業局（福岡合同庁舎本館）", 4, 43},
}};

struct ModelSeed {
    const char* maker;
    const char* name;
    const char* class_code;
    std::vector<std::string> consumables;
};

const std::vector<ModelSeed>& model_seeds() {
    static const std::vector<ModelSeed> models{
        {"リコー", "IM C3010", "mfp", {"IM C3010 トナー ブラック", "IM C3010 トナー シアン", "IM C3010 トナー マゼンタ", "IM C3010 トナー イエロー"}},
        {"リコー", "IM C4510", "mfp", {"IM C4510 トナー ブラック", "IM C4510 トナー シアン", "IM C4510 トナー マゼンタ", "IM C4510 トナー イエロー"}},
        {"リコー", "IM C6010", "mfp", {"IM C6010 トナー ブラック", "IM C6010 トナー シアン", "IM C6010 トナー マゼンタ", "IM C6010 トナー イエロー"}},
        {"リコー", "P 6020", "floor_printer_mono", {"P 6020 トナー"}},
        {"リコー", "P C6010", "floor_printer_colour", {"P C6010 トナー ブラック", "P C6010 トナー シアン", "P C6010 トナー マゼンタ", "P C6010 トナー イエロー"}},
        {"ブラザー", "PJ-883", "mobile_printer", {"感熱紙 A4"}},
        {"PFU", "ScanSnap iX1300", "mobile_scanner", {}},
        {"富士通", "LIFEBOOK U9313/M", "business_pc", {}},
        {"Dynabook", "G83/KW", "gss_terminal", {}},
        {"Apple", "iPad（第10世代）", "tablet", {}},
    };
    return models;
}

// A loanable device not held by anyone: mostly on the shelf, some in the counter's work.
AssetState shelf_state(Random& random) {
    const auto roll = random.below(100);
    if (roll < 62) return AssetState::in_stock;
    if (roll < 82) return AssetState::on_loan;
    if (roll < 91) return AssetState::kitting;
    if (roll < 96) return AssetState::in_repair;
    return AssetState::reserved;
}

AssetState installed_state(Random& random) {
    const auto roll = random.below(100);
    if (roll < 97) return AssetState::installed;
    return roll < 99 ? AssetState::in_repair : AssetState::in_stock;
}

std::string tag(std::string_view prefix, int number) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%06d", number);
    std::string text(prefix);
    text += '-';
    text += digits;
    return text;
}

struct Place {
    std::int64_t location_id;
    int building;
    int floor;
};

class FleetWriter {
public:
    FleetWriter(store::Database& database, const audit::Actor& actor) : database_(database), actor_(actor) {}

    store::Status add(const domain::AssetFields& fields, AssetState state) {
        auto id = insert_device(database_, fields, state, now_);
        if (!id) return store::Error{id.error()};
        domain::Asset asset{id.value(), fields, state, 1, calendar::format_iso8601_utc(now_)};
        const audit::AuditEntry entry{actor_, "device.created", "device", std::to_string(id.value()), std::nullopt,
                                      domain::to_json(asset)};
        ++count_;
        return record_device_change(database_, id.value(), entry);
    }
    std::int64_t count() const { return count_; }

private:
    store::Database& database_;
    const audit::Actor& actor_;
    calendar::Instant now_ = calendar::now();
    std::int64_t count_ = 0;
};

store::Result<std::vector<Place>> add_locations(store::Database& database, const audit::Actor& actor) {
    std::vector<Place> places;
    for (std::size_t index = 0; index < buildings.size(); ++index) {
        const auto& building = buildings[index];
        for (int floor = 1; floor <= building.floors; ++floor) {
            Location location{0, building.name, std::to_string(floor) + "階", "コピー室"};
            auto id = insert_location(database, location);
            if (!id) return store::Error{id.error()};
            if (!id.value()) continue;
            location.id = *id.value();
            auto recorded = audit::record(database, {actor, "location.created", "location", std::to_string(location.id),
                                                     std::nullopt, to_json(location)});
            if (!recorded) return store::Error{recorded.error()};
            places.push_back({location.id, static_cast<int>(index), floor});
        }
    }
    return places;
}

store::Result<std::vector<std::int64_t>> add_models(store::Database& database, const audit::Actor& actor) {
    std::vector<std::int64_t> ids;
    for (const auto& seed : model_seeds()) {
        DeviceModel model{0, seed.maker, seed.name, seed.class_code, seed.consumables};
        auto id = insert_model(database, model);
        if (!id) return store::Error{id.error()};
        if (!id.value()) return store::Error{"the demo model " + model.name + " exists already"};
        model.id = *id.value();
        auto recorded = audit::record(database, {actor, "device_model.created", "device_model", std::to_string(model.id),
                                                 std::nullopt, to_json(model)});
        if (!recorded) return store::Error{recorded.error()};
        ids.push_back(model.id);
    }
    return ids;
}

// The staff who hold GSS terminals: logins u00001…, no password (they sign in once an admin
// sets one).
store::Result<std::vector<identity::UserFields>> add_staff(store::Database& database, Random& random,
                                                           const audit::Actor& actor) {
    auto batch = identity::UserBatch::prepare(database);
    if (!batch) return store::Error{batch.error()};
    std::vector<identity::UserFields> staff;
    const auto now = calendar::now();
    for (std::int64_t number = 1; number <= demo_staff_count; ++number) {
        const auto& family = family_names[random.below(family_names.size())];
        const auto& given = given_names[random.below(given_names.size())];
        identity::UserFields fields;
        char login[16];
        std::snprintf(login, sizeof login, "u%05lld", static_cast<long long>(number));
        fields.login = login;
        fields.name = std::string(family.kanji) + " " + given.kanji;
        fields.name_kana = std::string(family.kana) + " " + given.kana;
        fields.division_code = staff_divisions[random.below(staff_divisions.size())];
        fields.roles = {madoguchi::identity::Role::staff};
        auto id = batch.value().insert(fields, now);
        if (!id) return store::Error{id.error()};
        auto recorded = audit::record(database, {actor, "user.created", "user", std::to_string(id.value()), std::nullopt,
                                                 nlohmann::json{{"login", fields.login}, {"name", fields.name},
                                                                {"name_kana", fields.name_kana},
                                                                {"division_code", fields.division_code},
                                                                {"roles", {"staff"}}}});
        if (!recorded) return store::Error{recorded.error()};
        staff.push_back(std::move(fields));
    }
    return staff;
}

}  // namespace

store::Result<FleetCounts> seed_demo_fleet(store::Database& database, std::uint64_t seed, const audit::Actor& actor) {
    Random random(seed);
    FleetCounts counts;
    auto places = add_locations(database, actor);
    if (!places) return store::Error{places.error()};
    auto models = add_models(database, actor);
    if (!models) return store::Error{models.error()};
    auto staff = add_staff(database, random, actor);
    if (!staff) return store::Error{staff.error()};
    counts.locations = static_cast<std::int64_t>(places.value().size());
    counts.models = static_cast<std::int64_t>(models.value().size());
    counts.staff = static_cast<std::int64_t>(staff.value().size());

    const auto model_of = [&](std::string_view class_code) {
        std::vector<std::int64_t> ids;
        for (std::size_t index = 0; index < model_seeds().size(); ++index) {
            if (model_seeds()[index].class_code == class_code) ids.push_back(models.value()[index]);
        }
        return ids[random.below(ids.size())];
    };
    FleetWriter writer(database, actor);
    int printers_on_floor = 0;
    for (const auto& device_class : domain::device_classes()) {
        const bool installed = device_class.placement == domain::Placement::installed;
        for (int number = 1; number <= device_class.contracted_count; ++number) {
            domain::AssetFields fields;
            fields.asset_tag = tag(device_class.tag_prefix, number);
            fields.class_code = std::string(device_class.code);
            fields.model_id = model_of(device_class.code);
            fields.serial = std::string(device_class.tag_prefix) + std::to_string(100000 + random.below(900000));
            AssetState state = AssetState::in_stock;
            if (installed) {
                const auto& place = places.value()[random.below(places.value().size())];
                fields.location_id = place.location_id;
                fields.division_code = staff_divisions[random.below(staff_divisions.size())];
                fields.network_address = "10." + std::to_string(buildings[static_cast<std::size_t>(place.building)].network) +
                                         "." + std::to_string(place.floor) + "." + std::to_string(10 + (printers_on_floor++ % 240));
                fields.snmp_profile = "ricoh-v2c";
                if (device_class.code == "mfp") {
                    fields.toner_delivery_address = std::string(buildings[static_cast<std::size_t>(place.building)].name) +
                                                    " " + std::to_string(place.floor) + "階 コピー室";
                    fields.toner_contact = "内線 " + std::to_string(2000 + random.below(8000));
                    fields.contract_start = calendar::Date{2026, 10, 1};
                    fields.contract_end = calendar::Date{2031, 9, 30};
                }
                state = installed_state(random);
            } else if (device_class.code == "gss_terminal") {
                fields.accessories.assign(device_class.standard_accessories.begin(), device_class.standard_accessories.end());
                // One terminal per staff member in use; the rest wait on the shelf.
                if (number <= demo_staff_count) {
                    const auto& holder = staff.value()[static_cast<std::size_t>(number - 1)];
                    fields.custodian_login = holder.login;
                    fields.division_code = holder.division_code;
                    state = AssetState::on_loan;
                } else {
                    state = random.below(10) == 0 ? AssetState::kitting : AssetState::in_stock;
                }
            } else {
                state = shelf_state(random);
                if (state == AssetState::on_loan || state == AssetState::reserved) {
                    const auto& holder = staff.value()[random.below(staff.value().size())];
                    fields.custodian_login = holder.login;
                    fields.division_code = holder.division_code;
                }
            }
            if (auto added = writer.add(fields, state); !added) return store::Error{added.error()};
        }
    }
    counts.devices = writer.count();
    return counts;
}

}  // namespace madoguchi::server::inventory
