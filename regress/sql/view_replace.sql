CREATE TABLE vrt (a int, b text, c numeric);
INSERT INTO vrt VALUES (1, 'x', 1.5);
CREATE VIEW vrv AS SELECT a, b FROM vrt;
CREATE OR REPLACE VIEW vrv AS SELECT a, b, c FROM vrt;
SELECT * FROM vrv;
\d vrv
CREATE OR REPLACE VIEW vrv AS SELECT a, b, c, a + 1 AS d FROM vrt;
SELECT * FROM vrv;
CREATE OR REPLACE VIEW vrv AS SELECT a, b FROM vrt;
CREATE OR REPLACE VIEW vrv AS SELECT a, c AS b, b AS c, 1 AS d FROM vrt;
CREATE OR REPLACE VIEW vrv AS SELECT b AS a, b, c, a + 1 AS d FROM vrt;
CREATE OR REPLACE VIEW vrv AS SELECT a AS x, b, c, a + 1 AS d FROM vrt;
CREATE OR REPLACE VIEW vrv (a, b, c, d, e) AS SELECT a, b, c, 1, 2 FROM vrt;
SELECT * FROM vrv;
DROP VIEW vrv;
DROP TABLE vrt;
