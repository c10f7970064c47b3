--
-- uuid: input formats, output, comparison, ordering.
--
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid;
SELECT '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'::uuid, 'a0eebc999c0b4ef8bb6d6bb9bd380a11'::uuid, 'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11'::uuid;
SELECT '00000000-0000-0000-0000-000000000000'::uuid, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid = 'A0EEBC999C0B4EF8BB6D6BB9BD380A11'::uuid, '00000000-0000-0000-0000-000000000001'::uuid < '10000000-0000-0000-0000-000000000000'::uuid;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid::text, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::text::uuid;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1'::uuid;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11x'::uuid;
SELECT 'g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid;
SELECT length(gen_random_uuid()::text), gen_random_uuid() = gen_random_uuid();
CREATE TABLE uu_t (id int4, u uuid);
INSERT INTO uu_t VALUES (1, 'ffffffff-0000-0000-0000-000000000000'), (2, '00000000-0000-0000-0000-00000000000a'),
    (3, NULL), (4, '80000000-0000-0000-0000-000000000000'), (5, '00000000-0000-0000-0000-00000000000a');
SELECT * FROM uu_t ORDER BY u, id;
SELECT * FROM uu_t ORDER BY u DESC NULLS LAST, id;
SELECT u, count(*) FROM uu_t GROUP BY u ORDER BY u;
SELECT id FROM uu_t WHERE u = '0000000000000000000000000000000a' ORDER BY id;
SELECT id FROM uu_t WHERE u > '7fffffff-ffff-ffff-ffff-ffffffffffff' ORDER BY id;
DROP TABLE uu_t;
