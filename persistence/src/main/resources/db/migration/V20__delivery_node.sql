-- Which scheduler node made each delivery attempt: shows how a cluster shared the work.
ALTER TABLE delivery_record ADD COLUMN node_id VARCHAR(100);
