#pragma once
// Made-up device ledger rows (機器台帳の見本) for the UI kit's table: the same rows on every run,
// so the gallery, the browser tests and the benchmark all see one known list.
#include <cstddef>
#include <string>
#include <vector>

#include "calendar/civil_date.hpp"

namespace madoguchi::client {

struct SampleAsset {
    std::string tag;           // 資産番号, "PC-000123"
    int device_class = 0;      // index into sample_device_class_keys()
    int status = 0;            // index into sample_status_keys()
    int division = 0;          // index into sample_division_keys()
    calendar::Date acquired;   // 取得日
};

// `count` rows; row i carries the tag PC-(i+1), zero-padded to six digits.
std::vector<SampleAsset> make_sample_ledger(std::size_t count);

// Catalog keys of the texts the rows' indices stand for.
const std::vector<std::string>& sample_device_class_keys();
const std::vector<std::string>& sample_status_keys();
const std::vector<std::string>& sample_division_keys();

}  // namespace madoguchi::client
