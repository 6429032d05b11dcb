-- Industry fields are the names of the IndustryField enum (the new-technology fields of seeds/001 §二(一) and
-- others); a value outside the list would make the catalogue unreadable, so the database refuses it.
alter table programme add constraint programme_industry_field_known check (industry_field in (
    'ARTIFICIAL_INTELLIGENCE', 'BIG_DATA', 'CLOUD_COMPUTING', 'INTERNET_OF_THINGS', 'INDUSTRIAL_INTERNET',
    'CONSTRUCTION_TECHNOLOGY', 'SMART_BUILDING', 'SMART_CITY', 'SMART_MANUFACTURING', 'INDUSTRIAL_ROBOTICS',
    'NEW_ENERGY_VEHICLES', 'ELDER_CARE', 'CHILDCARE', 'HOUSEKEEPING', 'E_COMMERCE', 'MODERN_LOGISTICS',
    'MODERN_AGRICULTURE', 'OTHER'));
