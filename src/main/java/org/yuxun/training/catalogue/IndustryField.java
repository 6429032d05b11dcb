package org.yuxun.training.catalogue;

/**
 * 行业领域 of a programme: the new-technology fields of seeds/001 §二(一) (人工智能, 大数据, 云计算, 物联网, 工业互联网,
 * 建筑新技术应用, 智能建筑, 智慧城市), the fields in short supply the colleges train for (智能制造, 工业机器人, 新能源汽车,
 * 养老, 托育, 家政, 电子商务, 现代物流, 现代农业) and others. Statistics are reported by these fields (§三(二)).
 */
enum IndustryField {
    ARTIFICIAL_INTELLIGENCE, BIG_DATA, CLOUD_COMPUTING, INTERNET_OF_THINGS, INDUSTRIAL_INTERNET, CONSTRUCTION_TECHNOLOGY,
    SMART_BUILDING, SMART_CITY, SMART_MANUFACTURING, INDUSTRIAL_ROBOTICS, NEW_ENERGY_VEHICLES, ELDER_CARE, CHILDCARE,
    HOUSEKEEPING, E_COMMERCE, MODERN_LOGISTICS, MODERN_AGRICULTURE, OTHER
}
